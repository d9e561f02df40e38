package dev.scion.sql.plan.cache;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.util.SqlShuttle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a query into a plan-cache key: a deep copy in which the literals that only select rows become parameters,
 * so that {@code WHERE id = 5} and {@code WHERE id = 6} share one plan.
 *
 * <p>Only a literal compared with a plain column ({@code col = 5}, {@code col < 'x'}, {@code col BETWEEN 1 AND 9})
 * is replaced: there the validator gives the parameter the column's type, and the planner cannot fold the value into
 * the plan's shape. Literals anywhere else (select list, ORDER BY / GROUP BY ordinals, LIMIT, arithmetic, function
 * arguments) stay in the key, so statements that differ there get plans of their own. Only exact integers that fit a
 * long and character strings are replaced; {@link PlanCache} then checks that each parameter got a type of the same
 * kind, or plans with the literals.
 *
 * <p>A query containing a call of a node class outside Calcite is not cacheable: the key is the copy's SQL text, and
 * only Calcite's own node classes are known to unparse every part of themselves.
 */
final class LiteralParameterizer extends SqlShuttle {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private final List<Object> values = new ArrayList<>();
    private final List<SqlParserPos> positions = new ArrayList<>();
    private boolean cacheable = true;

    /** The parameterized copy, its key text and the values taken out of it, or null when it cannot be cached. */
    record Parameterized(SqlNode node, String key, Object[] values, SqlParserPos[] positions) {
    }

    private LiteralParameterizer() {
    }

    static Parameterized parameterize(SqlNode query) {
        LiteralParameterizer p = new LiteralParameterizer();
        SqlNode copy = query.accept(p);
        if (!p.cacheable || copy == null) {
            return null;
        }
        String key;
        try {
            key = copy.toString() + kinds(p.values);
        } catch (RuntimeException | AssertionError e) {
            return null; // a node that cannot unparse itself has no reliable key
        }
        return new Parameterized(copy, key, p.values.toArray(), p.positions.toArray(new SqlParserPos[0]));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (!call.getClass().getName().startsWith("org.apache.calcite.sql.")) {
            cacheable = false;
            return call;
        }
        SqlKind kind = call.getKind();
        List<SqlNode> operands = call.getOperandList();
        List<SqlNode> copied = new ArrayList<>(operands.size());
        boolean comparison = call instanceof SqlBasicCall && operands.size() == 2 && isComparison(kind)
                && (operands.get(0) instanceof SqlIdentifier || operands.get(1) instanceof SqlIdentifier);
        boolean between = call instanceof SqlBasicCall && kind == SqlKind.BETWEEN && operands.size() == 3
                && operands.get(0) instanceof SqlIdentifier;
        for (int i = 0; i < operands.size(); i++) {
            SqlNode o = operands.get(i);
            SqlNode replaced = (comparison || (between && i > 0)) ? parameter(o) : null;
            copied.add(replaced != null ? replaced : o == null ? null : o.accept(this));
        }
        if (!cacheable) {
            return call;
        }
        return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), copied);
    }

    @Override
    public SqlNode visit(SqlNodeList nodeList) {
        List<SqlNode> copied = new ArrayList<>(nodeList.size());
        for (SqlNode n : nodeList) {
            copied.add(n == null ? null : n.accept(this));
        }
        return new SqlNodeList(copied, nodeList.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlCharStringLiteral s && s.getCollation() != null) {
            cacheable = false; // an introducer's collation (_latin1'a') does not show in the key text
        }
        return literal.clone(literal.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlDataTypeSpec type) {
        return type.clone(type.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlIntervalQualifier q) {
        return q.clone(q.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        cacheable = false; // the statement has parameters of its own: their numbering would clash with ours
        return param;
    }

    private SqlNode parameter(SqlNode operand) {
        Object value = null;
        if (operand instanceof SqlCharStringLiteral s && s.getCollation() != null) {
            cacheable = false; // an introducer's collation (_latin1'a') does not show in the key text
        } else if (operand instanceof SqlNumericLiteral n && n.isExact()) {
            BigDecimal d = n.getValueAs(BigDecimal.class);
            if (d.scale() <= 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0) {
                value = d.longValueExact();
            }
        } else if (operand instanceof SqlCharStringLiteral s && s.toString().startsWith("'")) {
            // no introducer (_binary'..') or collation: those change how the value compares
            value = s.getValueAs(String.class);
        }
        if (value == null) {
            return null;
        }
        values.add(value);
        positions.add(operand.getParserPosition());
        return new SqlDynamicParam(values.size() - 1, operand.getParserPosition());
    }

    /**
     * The kinds of the parameters' values, part of the key: {@code int_pk = 5} and {@code int_pk = '5'} compare
     * differently (a string meeting a number), so the plan made for one must not be found for the other.
     */
    private static String kinds(List<Object> values) {
        StringBuilder out = new StringBuilder(values.isEmpty() ? "" : "\n-- parameters ");
        for (Object v : values) {
            out.append(v instanceof String ? 's' : 'n');
        }
        return out.toString();
    }

    private static boolean isComparison(SqlKind kind) {
        return switch (kind) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> true;
            default -> false;
        };
    }
}
