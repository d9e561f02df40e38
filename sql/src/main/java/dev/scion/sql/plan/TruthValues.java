package dev.scion.sql.plan;

import dev.scion.sql.expr.SqlFunctions;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL has no boolean type: a number or string is a truth value wherever a condition is expected ({@code WHERE
 * 'hello'}, {@code NOT i}, {@code i AND 2}, {@code ON 1}); zero, and a string that reads as zero, is false. Calcite's
 * validator takes only BOOLEAN there, so before validation each operand of AND / OR / NOT and each WHERE, HAVING, ON
 * and searched-CASE condition that is not written as a predicate is wrapped in {@code SCION_TRUTH(x)}, a BOOLEAN
 * whose value is MySQL's truth value of x. Wrapping an operand that is BOOLEAN already (a column of the information
 * schema, say) changes nothing.
 */
public final class TruthValues {
    /** Kinds of expressions that are conditions already. */
    private static final Set<SqlKind> PREDICATES = EnumSet.of(SqlKind.AND, SqlKind.OR, SqlKind.NOT, SqlKind.EQUALS,
            SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE,
            SqlKind.IS_FALSE, SqlKind.IS_NOT_FALSE, SqlKind.IS_UNKNOWN,
            SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.LIKE, SqlKind.SIMILAR, SqlKind.RLIKE,
            SqlKind.IN, SqlKind.NOT_IN, SqlKind.SOME, SqlKind.ALL, SqlKind.BETWEEN, SqlKind.EXISTS, SqlKind.UNIQUE);

    private TruthValues() {
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(SqlNode query) {
        walk(query);
        return query;
    }

    private static void walk(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                walk(n);
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        if (node instanceof SqlSelect select) {
            if (select.getWhere() != null) {
                select.setWhere(condition(select.getWhere()));
            }
            if (select.getHaving() != null) {
                select.setHaving(condition(select.getHaving()));
            }
        } else if (node instanceof SqlJoin join) {
            if (join.getConditionType() == JoinConditionType.ON && join.getCondition() != null) {
                join.setOperand(5, condition(join.getCondition()));
            }
        } else if (node instanceof SqlCase c) {
            if (c.getValueOperand() == null) {
                SqlNodeList whens = c.getWhenOperands();
                for (int i = 0; i < whens.size(); i++) {
                    whens.set(i, condition(whens.get(i)));
                }
            }
        } else if (isLogical(call)) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode wrapped = condition(operand);
                if (wrapped != operand) {
                    call.setOperand(i, wrapped);
                }
            }
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                walk(operand);
            }
        }
    }

    private static boolean isLogical(SqlCall call) {
        SqlKind k = call.getKind();
        return k == SqlKind.AND || k == SqlKind.OR || k == SqlKind.NOT;
    }

    /** {@code node} as a condition: itself when it is a predicate, else wrapped in SCION_TRUTH. */
    private static SqlNode condition(SqlNode node) {
        if (node == null || isPredicate(node)) {
            return node;
        }
        return SqlFunctions.TRUTH.createCall(node.getParserPosition(), node);
    }

    private static boolean isPredicate(SqlNode node) {
        if (node instanceof SqlLiteral lit) {
            return lit.getTypeName() == SqlTypeName.BOOLEAN || lit.getTypeName() == SqlTypeName.NULL
                    || lit.getTypeName() == SqlTypeName.UNKNOWN;
        }
        if (node instanceof SqlCall call) {
            if (PREDICATES.contains(call.getKind())) {
                return true;
            }
            String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
            return name.equals("XOR") || name.equals(SqlFunctions.TRUTH.getName());
        }
        return false; // a column, a parameter
    }
}
