package dev.scion.sql.expr;

import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.parser.StatementReader;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.IntPredicate;

/**
 * An expression over named values compiled once and evaluated straight against them, without planning a SELECT: a
 * routine's loop counters and conditions over its variables ({@code i + 1}, {@code i <= n},
 * {@code a > 0 AND b IS NULL}) and a generated column's expression over the row's columns ({@code a + b}). Only integer arithmetic (+, -, *), numeric comparisons, AND / OR / NOT, IS [NOT]
 * NULL, literals and local variables are compiled, evaluated by the same {@link Values} functions as planned
 * expressions. Anything else, and any value outside that (a string, a DECIMAL in arithmetic, a name the frame does
 * not know), makes the evaluation {@link #FALL_BACK}: the caller then plans the expression as before, so the result
 * is always what the full SQL path gives.
 */
public final class DirectExpression {
    /** Where a compiled expression reads a name: its value, or {@link #FALL_BACK} when the name is unknown. */
    public interface Frame {
        Object value(String name);
    }

    @FunctionalInterface
    private interface Node {
        Object eval(Frame frame);
    }

    /** The result of an evaluation this class does not decide. */
    public static final Object FALL_BACK = new Object();

    private static final class FallBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final FallBack INSTANCE = new FallBack();

        private FallBack() {
            super(null, null, false, false);
        }
    }

    /** Compiled expressions by text; an empty entry marks text that cannot be compiled. */
    private static final Map<String, Optional<DirectExpression>> COMPILED = new ConcurrentHashMap<>();
    private static final int LIMIT = 4096;

    private final Node root;

    private DirectExpression(Node root) {
        this.root = root;
    }

    /**
     * The compiled form of {@code text}, made on first use, or empty when it is more than this class handles. A
     * back-quoted name is not compiled (a routine's variables are never quoted: `x` names a column).
     */
    public static Optional<DirectExpression> of(String text) {
        return of(text, false);
    }

    /** The compiled form of an expression over columns, where a back-quoted name is a column like a bare one. */
    public static Optional<DirectExpression> ofColumns(String text) {
        return of(text, true);
    }

    private static Optional<DirectExpression> of(String text, boolean quotedNames) {
        String key = (quotedNames ? "c:" : "v:") + text;
        Optional<DirectExpression> known = COMPILED.get(key);
        if (known != null) {
            return known;
        }
        Optional<DirectExpression> made;
        try {
            made = Optional.of(new DirectExpression(compile(StatementReader.expression(text), quotedNames)));
        } catch (RuntimeException e) {
            made = Optional.empty(); // not compilable (or not parsable): the planned path reports any error
        }
        if (COMPILED.size() >= LIMIT) {
            COMPILED.clear();
        }
        COMPILED.put(key, made);
        return made;
    }

    /** The value (a condition's is 1, 0 or NULL, as MySQL's), or {@link #FALL_BACK}. */
    public Object eval(Frame frame) {
        try {
            Object v = root.eval(frame);
            return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
        } catch (FallBack f) {
            return FALL_BACK;
        }
    }

    private static Node compile(SqlNode node, boolean quotedNames) {
        if (node instanceof SqlIdentifier id) {
            if (!id.isSimple() || id.getSimple().startsWith("@") || !quotedNames && id.isComponentQuoted(0)) {
                throw FallBack.INSTANCE;
            }
            String name = id.getSimple();
            return frame -> {
                Object v = frame.value(name);
                if (v == FALL_BACK) {
                    throw FallBack.INSTANCE;
                }
                return v;
            };
        }
        if (node instanceof SqlLiteral lit) {
            Object v = ExpressionEvaluator.literal(lit);
            if (!(v == null || v instanceof Long || v instanceof BigDecimal || v instanceof String)) {
                throw FallBack.INSTANCE;
            }
            return frame -> v;
        }
        if (!(node instanceof SqlCall call)) {
            throw FallBack.INSTANCE;
        }
        List<SqlNode> ops = call.getOperandList();
        Node[] a = new Node[ops.size()];
        for (int i = 0; i < a.length; i++) {
            if (ops.get(i) == null) {
                throw FallBack.INSTANCE;
            }
            a[i] = compile(ops.get(i), quotedNames);
        }
        SqlKind kind = call.getKind();
        return switch (kind) {
            case PLUS -> integers(a, Values::add);
            case MINUS -> integers(a, Values::subtract);
            case TIMES -> integers(a, Values::multiply);
            case MINUS_PREFIX -> frame -> {
                Object v = a[0].eval(frame);
                if (v != null && !(v instanceof Long)) {
                    throw FallBack.INSTANCE;
                }
                return v == null ? null : Values.negate(v);
            };
            case EQUALS -> compare(a, c -> c == 0);
            case NOT_EQUALS -> compare(a, c -> c != 0);
            case LESS_THAN -> compare(a, c -> c < 0);
            case LESS_THAN_OR_EQUAL -> compare(a, c -> c <= 0);
            case GREATER_THAN -> compare(a, c -> c > 0);
            case GREATER_THAN_OR_EQUAL -> compare(a, c -> c >= 0);
            case IS_NULL -> frame -> a[0].eval(frame) == null;
            case IS_NOT_NULL -> frame -> a[0].eval(frame) != null;
            case NOT -> frame -> {
                Boolean b = truth(a[0].eval(frame));
                return b == null ? null : !b;
            };
            case AND -> frame -> {
                boolean sawNull = false;
                for (Node n : a) {
                    Boolean b = truth(n.eval(frame));
                    if (b == null) {
                        sawNull = true;
                    } else if (!b) {
                        return false;
                    }
                }
                return sawNull ? null : true;
            };
            case OR -> frame -> {
                boolean sawNull = false;
                for (Node n : a) {
                    Boolean b = truth(n.eval(frame));
                    if (b == null) {
                        sawNull = true;
                    } else if (b) {
                        return true;
                    }
                }
                return sawNull ? null : false;
            };
            default -> throw FallBack.INSTANCE;
        };
    }

    /** A condition's operand: a number or a condition's result; a string's truth is left to the planned path. */
    private static Boolean truth(Object v) {
        if (v != null && !(v instanceof Number) && !(v instanceof Boolean)) {
            throw FallBack.INSTANCE;
        }
        return Values.truth(v);
    }

    /** Arithmetic of two BIGINT values (or NULL); other kinds of numbers keep the planner's typing rules. */
    private static Node integers(Node[] a, BinaryOperator<Object> op) {
        if (a.length != 2) {
            throw FallBack.INSTANCE;
        }
        Node x = a[0];
        Node y = a[1];
        return frame -> {
            Object l = x.eval(frame);
            Object r = y.eval(frame);
            if (l != null && !(l instanceof Long) || r != null && !(r instanceof Long)) {
                throw FallBack.INSTANCE;
            }
            return l == null || r == null ? null : op.apply(l, r);
        };
    }

    /** A comparison of two numbers (or NULL); strings compare by collation, which the planned path applies. */
    private static Node compare(Node[] a, IntPredicate test) {
        if (a.length != 2) {
            throw FallBack.INSTANCE;
        }
        Node x = a[0];
        Node y = a[1];
        return frame -> {
            Object l = x.eval(frame);
            Object r = y.eval(frame);
            if (l == null || r == null) {
                return null;
            }
            if (!(l instanceof Long || l instanceof BigDecimal || l instanceof Boolean)
                    || !(r instanceof Long || r instanceof BigDecimal || r instanceof Boolean)) {
                throw FallBack.INSTANCE;
            }
            return test.test(Values.compare(number(l), number(r)));
        };
    }

    private static Object number(Object v) {
        return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
    }
}
