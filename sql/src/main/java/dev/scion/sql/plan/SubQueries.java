package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/** Where the rewrites before validation meet nested queries in an expression. */
final class SubQueries {
    private SubQueries() {
    }

    /** Whether {@code node} is itself a query: a SELECT, a set operation, VALUES, WITH or a query with ORDER BY. */
    static boolean isQuery(SqlNode node) {
        return node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
                || node != null && node.getKind().belongsTo(SqlKind.QUERY);
    }

    /** Whether a JOIN anywhere in {@code node} has a query in its ON condition. */
    static boolean inJoinCondition(SqlNode node) {
        boolean[] found = {false};
        node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof org.apache.calcite.sql.SqlJoin join && holds(join.getCondition())) {
                    found[0] = true;
                }
                return found[0] ? null : super.visit(call);
            }
        });
        return found[0];
    }

    /** Whether {@code node} is or holds a query anywhere inside. */
    static boolean holds(SqlNode node) {
        if (node == null) {
            return false;
        }
        if (isQuery(node)) {
            return true;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                if (holds(n)) {
                    return true;
                }
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (holds(operand)) {
                    return true;
                }
            }
        }
        return false;
    }
}
