package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.TimeString;
import com.google.common.collect.Range;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Compiles Calcite row expressions into {@link Expr} trees evaluated by the interpreter, with no code generation. */
public final class ExprCompiler {
    private ExprCompiler() {
    }

    public static Expr compile(RexNode node) {
        return compile(node, null);
    }

    /** {@code fullText} binds MATCH ... AGAINST calls to their index; without one MATCH is error 1191. */
    public static Expr compile(RexNode node, dev.scion.sql.fulltext.FullTextBinder fullText) {
        if (node instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return (row, ctx) -> row[i];
        }
        if (node instanceof RexLiteral lit) {
            Object v = literalValue(lit);
            return (row, ctx) -> v;
        }
        if (node instanceof RexDynamicParam p) {
            // read at evaluation: a cached plan's compiled expressions serve every execution (ParameterValuesOp)
            int index = p.getIndex();
            return (row, ctx) -> ctx.parameter(index);
        }
        if (node instanceof RexCall call) {
            return compileCall(call, fullText);
        }
        if (node instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCall row
                && row.getKind() == SqlKind.ROW) {
            // a field of a row constructor ((1, NULL) <=> (1, 2) compares field by field)
            return compile(row.getOperands().get(fa.getField().getIndex()), fullText);
        }
        if (node instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCorrelVariable cv) {
            int id = cv.id.getId();
            int field = fa.getField().getIndex();
            return (row, ctx) -> ctx.correlated(id)[field];
        }
        throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '" + node + "'");
    }

    public static Object literalValue(RexLiteral lit) {
        if (lit.isNull()) {
            return null;
        }
        if (lit.getKind() == SqlKind.SEARCH || lit.getValue() instanceof Sarg) {
            return lit.getValue(); // a SEARCH's range set: read by search(), never as a scalar
        }
        SqlTypeName t = lit.getType().getSqlTypeName();
        switch (t) {
            case TINYINT, SMALLINT, INTEGER, BIGINT:
                return lit.getValueAs(Long.class);
            case UTINYINT, USMALLINT, UINTEGER, UBIGINT:
                return UnsignedArithmetic.of(lit.getValueAs(BigDecimal.class).toBigInteger());
            case DECIMAL: {
                BigDecimal d = lit.getValueAs(BigDecimal.class);
                return lit.getType().getScale() == 0 && d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) d.longValueExact() : d;
            }
            case DOUBLE, FLOAT, REAL:
                return lit.getValueAs(Double.class);
            case CHAR, VARCHAR:
                return lit.getValueAs(String.class);
            case BOOLEAN:
                return lit.getValueAs(Boolean.class);
            case BINARY, VARBINARY:
                return lit.getValueAs(byte[].class);
            case DATE:
                return LocalDate.parse(lit.getValueAs(DateString.class).toString());
            case TIMESTAMP:
                return LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
            case TIME:
                return MySqlTime.of(LocalTime.parse(lit.getValueAs(TimeString.class).toString()));
            case SYMBOL:
                return lit.getValue();
            default:
                Object v = lit.getValue2();
                return v instanceof NlsString s ? s.getValue() : v;
        }
    }

    private static Expr[] operands(RexCall call, dev.scion.sql.fulltext.FullTextBinder fullText) {
        List<RexNode> ops = call.getOperands();
        Expr[] out = new Expr[ops.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(ops.get(i), fullText);
        }
        return out;
    }

    private static Expr compileCall(RexCall call, dev.scion.sql.fulltext.FullTextBinder fullText) {
        SqlKind kind = call.getKind();
        Expr[] a = QuotientDigits.forCall(call, operands(call, fullText));
        if (call.getOperator() instanceof dev.scion.sql.parser.SqlCollateOperator) {
            return a[0]; // the collation is in the type, read by the comparison or sort that uses the value
        }
        if (call.getOperator() instanceof dev.scion.sql.fulltext.MatchAgainstOperator) {
            if (fullText == null) {
                throw dev.scion.sql.fulltext.FullTextBinder.notFound();
            }
            return fullText.compile(call, a);
        }
        switch (kind) {
            case EQUALS:
                return cmp(call, a, c -> c == 0);
            case NOT_EQUALS:
                return cmp(call, a, c -> c != 0);
            case LESS_THAN:
                return cmp(call, a, c -> c < 0);
            case LESS_THAN_OR_EQUAL:
                return cmp(call, a, c -> c <= 0);
            case GREATER_THAN:
                return cmp(call, a, c -> c > 0);
            case GREATER_THAN_OR_EQUAL:
                return cmp(call, a, c -> c >= 0);
            case IS_NOT_DISTINCT_FROM:
                return nullSafeEquals(call, a, true);
            case IS_DISTINCT_FROM:
                return nullSafeEquals(call, a, false);
            case AND:
                return (row, ctx) -> {
                    boolean sawNull = false;
                    for (Expr e : a) {
                        Boolean b = Values.truth(e.eval(row, ctx));
                        if (b == null) {
                            sawNull = true;
                        } else if (!b) {
                            return false;
                        }
                    }
                    return sawNull ? null : true;
                };
            case OR:
                return (row, ctx) -> {
                    boolean sawNull = false;
                    for (Expr e : a) {
                        Boolean b = Values.truth(e.eval(row, ctx));
                        if (b == null) {
                            sawNull = true;
                        } else if (b) {
                            return true;
                        }
                    }
                    return sawNull ? null : false;
                };
            case NOT: {
                Expr x = a[0];
                return (row, ctx) -> {
                    Boolean b = Values.truth(x.eval(row, ctx));
                    return b == null ? null : !b;
                };
            }
            case IS_NULL: {
                Expr x = a[0];
                return (row, ctx) -> x.eval(row, ctx) == null;
            }
            case IS_NOT_NULL: {
                Expr x = a[0];
                return (row, ctx) -> x.eval(row, ctx) != null;
            }
            case IS_TRUE: {
                Expr x = a[0];
                return (row, ctx) -> Boolean.TRUE.equals(Values.truth(x.eval(row, ctx)));
            }
            case IS_FALSE: {
                Expr x = a[0];
                return (row, ctx) -> Boolean.FALSE.equals(Values.truth(x.eval(row, ctx)));
            }
            case IS_NOT_TRUE: {
                Expr x = a[0];
                return (row, ctx) -> !Boolean.TRUE.equals(Values.truth(x.eval(row, ctx)));
            }
            case IS_NOT_FALSE: {
                Expr x = a[0];
                return (row, ctx) -> !Boolean.FALSE.equals(Values.truth(x.eval(row, ctx)));
            }
            case PLUS:
                return arith(a, UnsignedArithmetic.isUnsigned(call.getType()) ? UnsignedArithmetic::add : Values::add);
            case MINUS:
                return minus(a, UnsignedArithmetic.isUnsigned(call.getType()));
            case TIMES:
                return arith(a, UnsignedArithmetic.isUnsigned(call.getType())
                        ? UnsignedArithmetic::multiply : Values::multiply);
            case DIVIDE:
                return DivisionByZero.of(a[0], a[1], Values::divide);
            case MOD:
                return DivisionByZero.of(a[0], a[1], Values::mod);
            case MINUS_PREFIX: {
                Expr x = a[0];
                if (UnsignedArithmetic.isUnsigned(call.getOperands().get(0).getType())) {
                    return (row, ctx) -> {
                        Object v = x.eval(row, ctx);
                        return v == null ? null : UnsignedArithmetic.negate(v);
                    };
                }
                return (row, ctx) -> {
                    Object v = x.eval(row, ctx);
                    return v == null ? null : Values.negate(v);
                };
            }
            case PLUS_PREFIX:
                return a[0];
            case CASE:
                return (row, ctx) -> {
                    int i = 0;
                    for (; i + 1 < a.length; i += 2) {
                        if (Boolean.TRUE.equals(Values.truth(a[i].eval(row, ctx)))) {
                            return a[i + 1].eval(row, ctx);
                        }
                    }
                    return i < a.length ? a[i].eval(row, ctx) : null;
                };
            case COALESCE:
                return (row, ctx) -> {
                    for (Expr e : a) {
                        Object v = e.eval(row, ctx);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            case CAST:
            case SAFE_CAST:
                if (dev.scion.sql.expr.json.JsonFunctions.isJson(call.getOperands().get(0))
                        && !org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(call.getType())) {
                    // CAST(json AS SIGNED): true is 1, a JSON string its text
                    return Casts.compile(dev.scion.sql.expr.json.JsonFunctions.sqlValue(a[0]), call.getType());
                }
                if (org.apache.calcite.sql.type.SqlTypeUtil.isBinary(call.getOperands().get(0).getType())
                        && org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(call.getType())) {
                    // a binary string read as a number is its text ('12' is 12), not its bytes' integer as a hex
                    // literal's (which is typed as text, SCION_BYTES, and never comes here)
                    Expr bytes = a[0];
                    return Casts.compile((row, ctx) -> {
                        Object v = bytes.eval(row, ctx);
                        return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v;
                    }, call.getType());
                }
                return Casts.compile(a[0], call.getType());
            case SEARCH:
                // the range set holds constants, which yield to the value's collation
                return search(a[0], call.getOperands().get(1), TextCollation.of(call.getOperands().get(0).getType()));
            case LIKE:
                // LIKE follows the collation comparing value and pattern: case-insensitive only under a _ci one
                return Like.compile(a, call.getOperator().getName().toUpperCase().contains("NOT"),
                        TextCollation.forComparison(call.getOperands().get(0), call.getOperands().get(1), "like"));
            default:
                return FunctionEvaluator.compile(call, a);
        }
    }

    interface CmpTest {
        boolean test(int c);
    }

    /**
     * A comparison; when either side is JSON (a JSON column, function result or CAST(x AS JSON), also under a
     * numeric cast Calcite added to make the types comparable) by MySQL's JSON rules (JsonCompare), the other side
     * converted to a JSON scalar.
     */
    private static Expr cmp(RexCall call, Expr[] a, CmpTest t) {
        RexNode l = jsonSource(call.getOperands().get(0), call.getOperands().get(1));
        RexNode r = jsonSource(call.getOperands().get(1), call.getOperands().get(0));
        if (l == null && r == null) {
            String collation = TextCollation.forComparison(call.getOperands().get(0), call.getOperands().get(1),
                    call.getOperator().getName());
            return TextCollation.binary(collation) ? cmp(a, t) : collatedCmp(a, t, collation);
        }
        Expr x = l == null ? a[0] : compile(l);
        Expr y = r == null ? a[1] : compile(r);
        boolean xJson = l != null;
        boolean yJson = r != null;
        return (row, ctx) -> {
            Object lv = x.eval(row, ctx);
            if (lv == null) {
                return null;
            }
            Object rv = y.eval(row, ctx);
            if (rv == null) {
                return null;
            }
            return t.test(dev.scion.sql.expr.json.JsonCompare.compare(lv, xJson, rv, yJson));
        };
    }

    /**
     * The JSON value a comparison operand is, also under the casts Calcite adds to make the two sides' types agree:
     * to the JSON type (an explicit CAST(x AS JSON) is a function, not a CAST), or to the other side's numeric type
     * (an explicit CAST(json AS SIGNED) against a number of another type stays a number); null when it is none.
     */
    private static RexNode jsonSource(RexNode n, RexNode other) {
        RexNode cur = n;
        while (cur.isA(SqlKind.CAST) && (dev.scion.sql.expr.json.JsonType.is(cur.getType())
                || !org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(cur.getType())
                && cur.getType().getSqlTypeName() == other.getType().getSqlTypeName())) {
            cur = ((RexCall) cur).getOperands().get(0);
        }
        return dev.scion.sql.expr.json.JsonFunctions.isJson(cur) ? cur : null;
    }

    /** A comparison of two strings under a non-binary collation (other values compare as always). */
    /** {@code <=>} (equal, or both NULL) and its negation, comparing strings under the operands' collation. */
    private static Expr nullSafeEquals(RexCall call, Expr[] a, boolean equal) {
        String collation = TextCollation.forComparison(call.getOperands().get(0), call.getOperands().get(1), "<=>");
        boolean binary = TextCollation.binary(collation);
        Expr x = a[0];
        Expr y = a[1];
        return (row, ctx) -> {
            Object l = x.eval(row, ctx);
            Object r = y.eval(row, ctx);
            if (l == null || r == null) {
                return (l == r) == equal;
            }
            int c = !binary && l instanceof String ls && r instanceof String rs
                    ? dev.scion.sql.catalog.Collations.compare(collation, ls, rs) : Values.compare(l, r);
            return (c == 0) == equal;
        };
    }

    private static Expr collatedCmp(Expr[] a, CmpTest t, String collation) {
        return nullPropagating(a, (l, r, ctx) -> t.test(l instanceof String ls && r instanceof String rs
                ? dev.scion.sql.catalog.Collations.compare(collation, ls, rs) : Values.compare(l, r)));
    }

    private static Expr cmp(Expr[] a, CmpTest t) {
        return nullPropagating(a, (l, r, ctx) -> t.test(Values.compare(l, r)));
    }

    interface BinaryOp {
        Object apply(Object l, Object r);
    }

    /**
     * {@code a - b}. An unsigned operand (by type, or a BIGINT UNSIGNED value from 2^63 on, a BigInteger) makes the
     * difference unsigned, negative being 1690, unless sql_mode has NO_UNSIGNED_SUBTRACTION, which makes it signed
     * (the mode is asked only for such operands).
     */
    private static Expr minus(Expr[] a, boolean unsignedType) {
        return nullPropagating(a, (l, r, ctx) -> {
            boolean unsigned = unsignedType || l instanceof java.math.BigInteger || r instanceof java.math.BigInteger;
            if (unsigned && ctx.session() != null
                    && dev.scion.sql.session.SqlModes.noUnsignedSubtraction(ctx.session())) {
                return Values.signedSubtract(l, r);
            }
            return unsignedType ? UnsignedArithmetic.subtract(l, r) : Values.subtract(l, r);
        });
    }

    private static Expr arith(Expr[] a, BinaryOp op) {
        return nullPropagating(a, (l, r, ctx) -> op.apply(l, r));
    }

    /** An operation on two operands' values, given only when neither is NULL. */
    interface NonNullOperands {
        Object apply(Object l, Object r, dev.scion.sql.exec.ExecContext ctx);
    }

    /** {@code op} over both operands, NULL when either is (the right one is not evaluated after a NULL left). */
    private static Expr nullPropagating(Expr[] a, NonNullOperands op) {
        Expr x = a[0];
        Expr y = a[1];
        return (row, ctx) -> {
            Object l = x.eval(row, ctx);
            if (l == null) {
                return null;
            }
            Object r = y.eval(row, ctx);
            if (r == null) {
                return null;
            }
            return op.apply(l, r, ctx);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expr search(Expr x, RexNode sargNode, String collation) {
        java.util.Comparator<Object> order = TextCollation.binary(collation) ? Values::compare
                : (p, q) -> p instanceof String ps && q instanceof String qs
                        ? dev.scion.sql.catalog.Collations.compare(collation, ps, qs) : Values.compare(p, q);
        RexLiteral lit = (RexLiteral) sargNode;
        Sarg sarg = lit.getValueAs(Sarg.class);
        List<Object[]> ranges = new ArrayList<>();
        for (Object o : sarg.rangeSet.asRanges()) {
            Range r = (Range) o;
            Object lo = r.hasLowerBound() ? normalize(r.lowerEndpoint()) : null;
            Object hi = r.hasUpperBound() ? normalize(r.upperEndpoint()) : null;
            boolean loIncl = r.hasLowerBound() && r.lowerBoundType() == com.google.common.collect.BoundType.CLOSED;
            boolean hiIncl = r.hasUpperBound() && r.upperBoundType() == com.google.common.collect.BoundType.CLOSED;
            ranges.add(new Object[] {lo, loIncl, hi, hiIncl, r.hasLowerBound(), r.hasUpperBound()});
        }
        boolean nullMatches = sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE;
        boolean nullUnknown = sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.UNKNOWN;
        return (row, ctx) -> {
            Object v = x.eval(row, ctx);
            if (v == null) {
                return nullMatches ? Boolean.TRUE : nullUnknown ? null : Boolean.FALSE;
            }
            for (Object[] r : ranges) {
                if ((Boolean) r[4]) {
                    int c = order.compare(v, r[0]);
                    if (c < 0 || (c == 0 && !(Boolean) r[1])) {
                        continue;
                    }
                }
                if ((Boolean) r[5]) {
                    int c = order.compare(v, r[2]);
                    if (c > 0 || (c == 0 && !(Boolean) r[3])) {
                        continue;
                    }
                }
                return Boolean.TRUE;
            }
            return Boolean.FALSE;
        };
    }

    private static Object normalize(Object endpoint) {
        if (endpoint instanceof NlsString s) {
            return s.getValue();
        }
        if (endpoint instanceof BigDecimal d) {
            return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) d.longValue() : d;
        }
        if (endpoint instanceof DateString d) {
            return LocalDate.parse(d.toString());
        }
        if (endpoint instanceof TimestampString t) {
            return LocalDateTime.parse(t.toString().replace(' ', 'T'));
        }
        if (endpoint instanceof TimeString t) {
            return MySqlTime.of(LocalTime.parse(t.toString()));
        }
        return endpoint;
    }
}
