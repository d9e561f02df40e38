package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The columns a SELECT's conditions hold to one value within each group, which MySQL's ONLY_FULL_GROUP_BY check
 * accepts as functionally dependent on the GROUP BY columns: a column equal to a constant ({@code WHERE a = 1}),
 * and a column equal to a grouped or already fixed column ({@code WHERE t.a = u.b ... GROUP BY u.b}). Only the
 * top-level AND terms of WHERE and of inner joins' ON count: an OR, or an outer join's ON, fixes nothing.
 */
final class FixedColumns {
    private FixedColumns() {
    }

    /** The fixed columns of {@code select}, given which columns its GROUP BY groups. */
    static List<SqlIdentifier> of(SqlSelect select, Predicate<SqlIdentifier> grouped) {
        List<SqlNode> terms = new ArrayList<>();
        conjuncts(select.getWhere(), terms);
        innerJoinConditions(select.getFrom(), terms);
        List<SqlIdentifier> fixed = new ArrayList<>();
        List<SqlIdentifier[]> pairs = new ArrayList<>();
        for (SqlNode term : terms) {
            if (term.getKind() != SqlKind.EQUALS) {
                continue;
            }
            SqlNode a = ((SqlCall) term).operand(0);
            SqlNode b = ((SqlCall) term).operand(1);
            if (a instanceof SqlIdentifier x && b instanceof SqlIdentifier y) {
                pairs.add(new SqlIdentifier[] {x, y});
            } else if (a instanceof SqlIdentifier x && isConstant(b)) {
                fixed.add(x);
            } else if (b instanceof SqlIdentifier y && isConstant(a)) {
                fixed.add(y);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SqlIdentifier[] p : pairs) {
                for (int side = 0; side < 2; side++) {
                    SqlIdentifier known = p[side];
                    SqlIdentifier other = p[1 - side];
                    if ((grouped.test(known) || contains(fixed, known)) && !contains(fixed, other)) {
                        fixed.add(other);
                        grew = true;
                    }
                }
            }
        }
        return fixed;
    }

    /** Whether {@code id} names one of {@code columns} (same name; same qualifier when both have one). */
    static boolean contains(List<SqlIdentifier> columns, SqlIdentifier id) {
        for (SqlIdentifier c : columns) {
            if (sameColumn(c, id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumn(SqlIdentifier a, SqlIdentifier b) {
        if (a.isStar() || b.isStar()
                || !a.names.get(a.names.size() - 1).equalsIgnoreCase(b.names.get(b.names.size() - 1))) {
            return false;
        }
        return a.names.size() == 1 || b.names.size() == 1
                || a.names.get(a.names.size() - 2).equalsIgnoreCase(b.names.get(b.names.size() - 2));
    }

    /** A literal, or a parameter or user variable: one value for the whole statement. */
    private static boolean isConstant(SqlNode n) {
        return n instanceof SqlLiteral || n.getKind() == SqlKind.DYNAMIC_PARAM
                || n.getKind() == SqlKind.MINUS_PREFIX && ((SqlCall) n).operand(0) instanceof SqlLiteral;
    }

    private static void conjuncts(SqlNode condition, List<SqlNode> out) {
        if (condition == null) {
            return;
        }
        if (condition.getKind() == SqlKind.AND) {
            for (SqlNode operand : ((SqlCall) condition).getOperandList()) {
                conjuncts(operand, out);
            }
        } else {
            out.add(condition);
        }
    }

    private static void innerJoinConditions(SqlNode from, List<SqlNode> out) {
        if (!(from instanceof SqlJoin join)) {
            return;
        }
        innerJoinConditions(join.getLeft(), out);
        innerJoinConditions(join.getRight(), out);
        if (join.getJoinType() == JoinType.INNER || join.getJoinType() == JoinType.COMMA) {
            conjuncts(join.getCondition(), out);
        }
    }
}
