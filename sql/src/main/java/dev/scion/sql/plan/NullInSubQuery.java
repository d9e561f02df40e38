package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code NULL [NOT] IN (sub-query)} is NULL when the sub-query has rows and false (true for NOT IN) when it has
 * none. Calcite folds it to NULL whatever the sub-query returns, so before validation it is written as
 * {@code CASE WHEN EXISTS (sub-query) THEN NULL ELSE FALSE END} (ELSE TRUE for NOT IN).
 */
public final class NullInSubQuery {
    private NullInSubQuery() {
    }

    /** Rewrites {@code query} in place (a whole query that is such an IN is returned replaced). */
    public static SqlNode rewrite(SqlNode query) {
        SqlNode replaced = replacement(query);
        if (replaced != null) {
            walk(replaced);
            return replaced;
        }
        walk(query);
        return query;
    }

    private static void walk(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode r = replacement(list.get(i));
                if (r != null) {
                    list.set(i, r);
                }
                walk(list.get(i));
            }
        } else if (node instanceof SqlCall call) {
            java.util.List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode r = replacement(operand);
                if (r != null) {
                    call.setOperand(i, r);
                    operand = r;
                }
                walk(operand);
            }
        }
    }

    /** The CASE for {@code node} when it is NULL [NOT] IN (sub-query), else null. */
    private static SqlNode replacement(SqlNode node) {
        if (!(node instanceof SqlCall c) || (c.getKind() != SqlKind.IN && c.getKind() != SqlKind.NOT_IN)
                || c.operandCount() != 2 || !SqlUtil.isNullLiteral(c.operand(0), true)
                || !c.operand(1).getKind().belongsTo(SqlKind.QUERY)) {
            return null;
        }
        SqlParserPos pos = c.getParserPosition();
        SqlNode query = c.operand(1);
        SqlNode exists = SqlStdOperatorTable.EXISTS.createCall(pos, query);
        return SqlCase.createSwitched(pos, null, SqlNodeList.of(exists), SqlNodeList.of(SqlLiteral.createNull(pos)),
                SqlLiteral.createBoolean(c.getKind() == SqlKind.NOT_IN, pos));
    }
}
