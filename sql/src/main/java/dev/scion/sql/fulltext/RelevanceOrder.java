package dev.scion.sql.fulltext;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * InnoDB returns the rows a {@code WHERE MATCH ... AGAINST} finds by its index most relevant first. A statement
 * whose WHERE is such a MATCH (or has one as a conjunct) and that orders nothing itself gets
 * {@code ORDER BY <that MATCH> DESC}, so results (and a LIMIT) come in the same order. Only for a plain
 * single-level SELECT: grouping, DISTINCT, HAVING, aggregates and windows keep their own semantics.
 */
public final class RelevanceOrder {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT",
            "JSON_ARRAYAGG", "JSON_OBJECTAGG", "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP",
            "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "ANY_VALUE");

    private RelevanceOrder() {
    }

    public static SqlNode rewrite(SqlNode statement) {
        if (statement instanceof SqlSelect s && (s.getOrderList() == null || s.getOrderList().isEmpty())) {
            SqlNode match = eligible(s) ? match(s.getWhere()) : null;
            if (match != null) {
                s.setOrderBy(SqlNodeList.of(descending(match)));
            }
            return statement;
        }
        if (statement instanceof SqlOrderBy ob && ob.orderList.isEmpty() && ob.query instanceof SqlSelect s
                && eligible(s)) {
            SqlNode match = match(s.getWhere());
            if (match != null) {
                return new SqlOrderBy(ob.getParserPosition(), s, SqlNodeList.of(descending(match)), ob.offset,
                        ob.fetch);
            }
        }
        return statement;
    }

    private static boolean eligible(SqlSelect s) {
        return s.getGroup() == null && s.getHaving() == null && !s.isDistinct()
                && (s.getWindowList() == null || s.getWindowList().isEmpty())
                && s.getSelectList().stream().noneMatch(RelevanceOrder::aggregates);
    }

    private static boolean aggregates(SqlNode n) {
        if (!(n instanceof SqlCall call)) {
            return false;
        }
        if (call.getKind() == SqlKind.OVER || call.getOperator().isAggregator()
                || AGGREGATES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
            return true;
        }
        return call.getOperandList().stream().anyMatch(RelevanceOrder::aggregates);
    }

    /** The MATCH that is the condition or one of its AND-ed conjuncts, or null. */
    private static SqlNode match(SqlNode where) {
        if (!(where instanceof SqlCall call)) {
            return null;
        }
        if (call.getOperator() instanceof MatchAgainstOperator) {
            return call;
        }
        if (call.getKind() == SqlKind.AND) {
            for (SqlNode operand : call.getOperandList()) {
                SqlNode m = match(operand);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** {@code match DESC} over a deep copy: the validator keys its scopes by node, so no node may appear twice. */
    private static SqlNode descending(SqlNode match) {
        SqlNode copy = dev.scion.sql.plan.SqlDeepCopy.of(match);
        return SqlStdOperatorTable.DESC.createCall(match.getParserPosition(), List.of(copy));
    }
}
