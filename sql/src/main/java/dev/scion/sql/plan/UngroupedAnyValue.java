package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * In MySQL {@code ANY_VALUE(x)} is no aggregate function: it is {@code x}, exempt from the ONLY_FULL_GROUP_BY check.
 * A query is aggregated only by GROUP BY or a real aggregate, so {@code SELECT ANY_VALUE(pk) FROM t} returns every
 * row. Calcite's ANY_VALUE is an aggregate and made such a query one group (one row; a correlated sub-query naming
 * the outer row failed). In a SELECT neither grouped nor otherwise aggregated, and in any WHERE, the call is replaced
 * by its argument; where the query is aggregated it stays the aggregate, which picks a value of the group.
 */
public final class UngroupedAnyValue {
    private UngroupedAnyValue() {
    }

    /** Rewrites every such SELECT of {@code query} in place; returns the (possibly replaced) root. */
    public static SqlNode rewrite(SqlNode query) {
        if (!mentionsAnyValue(query)) {
            return query;
        }
        Set<SqlSelect> done = Collections.newSetFromMap(new IdentityHashMap<>());
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
                    rewrite(select, orderBy.orderList);
                    done.add(select);
                } else if (call instanceof SqlSelect select && done.add(select)) {
                    rewrite(select, select.getOrderList());
                }
                return super.visit(call);
            }
        });
        return query;
    }

    private static void rewrite(SqlSelect select, SqlNodeList orderList) {
        if (select.getWhere() != null) {
            select.setWhere(select.getWhere().accept(Unwrapper.INSTANCE));
        }
        boolean grouped = select.getGroup() != null && !select.getGroup().isEmpty();
        if (grouped || aggregates(select.getSelectList()) || aggregates(select.getHaving())
                || aggregates(orderList)) {
            return;
        }
        select.setSelectList((SqlNodeList) select.getSelectList().accept(Unwrapper.INSTANCE));
        if (select.getHaving() != null) {
            select.setHaving(select.getHaving().accept(Unwrapper.INSTANCE));
        }
        if (orderList != null) {
            List<SqlNode> items = orderList.getList();
            for (int i = 0; i < items.size(); i++) {
                orderList.set(i, items.get(i).accept(Unwrapper.INSTANCE));
            }
        }
    }

    /** Whether {@code node} calls an aggregate other than ANY_VALUE outside windows and nested queries. */
    private static boolean aggregates(SqlNode node) {
        if (node == null) {
            return false;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                if (aggregates(n)) {
                    return true;
                }
            }
            return false;
        }
        if (!(node instanceof SqlCall call) || SubQueries.isQuery(node) || call.getKind() == SqlKind.OVER) {
            return false;
        }
        if (!isAnyValue(call) && AggregateCalls.isAggregateCall(call)) {
            return true;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (aggregates(operand)) {
                return true;
            }
        }
        return false;
    }

    static boolean isAnyValue(SqlCall call) {
        return call.getOperator().getName().equalsIgnoreCase("ANY_VALUE") && call.operandCount() == 1
                && (call.getOperator().getSyntax() == SqlSyntax.FUNCTION || call.getKind() == SqlKind.ANY_VALUE);
    }

    private static boolean mentionsAnyValue(SqlNode query) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (isAnyValue(call)) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Replaces ANY_VALUE(x) by x outside windows and nested queries (those are rewritten on their own). */
    private static final class Unwrapper extends SqlShuttle {
        static final Unwrapper INSTANCE = new Unwrapper();

        @Override
        public SqlNode visit(SqlCall call) {
            if (SubQueries.isQuery(call) || call.getKind() == SqlKind.OVER) {
                return call;
            }
            if (isAnyValue(call)) {
                return call.operand(0).accept(this);
            }
            return super.visit(call);
        }
    }
}
