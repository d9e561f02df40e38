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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The columns a SELECT's conditions hold to one value within each group, which MySQL's ONLY_FULL_GROUP_BY check
 * accepts as functionally dependent on the GROUP BY columns: a column equal to a constant ({@code WHERE a = 1}),
 * and a column equal to a grouped or already fixed column ({@code WHERE t.a = u.b ... GROUP BY u.b}). Only the
 * top-level AND terms of WHERE and of inner joins' ON count: an OR fixes nothing, and an equality in an outer
 * join's ON between the two sides only fixes the null-supplying side's column, once the preserved side's is.
 */
final class FixedColumns {
    private FixedColumns() {
    }

    /** The fixed columns of {@code select}, given which columns its GROUP BY groups. */
    static List<SqlIdentifier> of(SqlSelect select, Predicate<SqlIdentifier> grouped) {
        List<SqlNode> terms = new ArrayList<>();
        conjuncts(select.getWhere(), terms);
        List<SqlIdentifier[]> directed = new ArrayList<>();
        joinConditions(select.getFrom(), terms, directed);
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
        for (SqlIdentifier[] p : pairs) {
            directed.add(p);
            directed.add(new SqlIdentifier[] {p[1], p[0]});
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SqlIdentifier[] p : directed) {
                SqlIdentifier known = p[0];
                SqlIdentifier other = p[1];
                if ((grouped.test(known) || contains(fixed, known)) && !contains(fixed, other)) {
                    fixed.add(other);
                    grew = true;
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

    /**
     * The top-level AND terms of inner joins' ON into {@code terms}; of an outer join's ON, each equality between a
     * qualified column of the preserved side and one of the null-supplying side into {@code directed}, as
     * (preserved, null-supplying): one value on the preserved side gives one on the other (the equal value, or NULL
     * where no row matched), not the reverse.
     */
    private static void joinConditions(SqlNode from, List<SqlNode> terms, List<SqlIdentifier[]> directed) {
        if (!(from instanceof SqlJoin join)) {
            return;
        }
        joinConditions(join.getLeft(), terms, directed);
        joinConditions(join.getRight(), terms, directed);
        JoinType type = join.getJoinType();
        if (type == JoinType.INNER || type == JoinType.COMMA) {
            conjuncts(join.getCondition(), terms);
        } else if (type == JoinType.LEFT || type == JoinType.RIGHT) {
            Set<String> preserved = aliases(type == JoinType.LEFT ? join.getLeft() : join.getRight());
            Set<String> nullable = aliases(type == JoinType.LEFT ? join.getRight() : join.getLeft());
            List<SqlNode> on = new ArrayList<>();
            conjuncts(join.getCondition(), on);
            for (SqlNode term : on) {
                if (term.getKind() == SqlKind.EQUALS
                        && ((SqlCall) term).operand(0) instanceof SqlIdentifier a
                        && ((SqlCall) term).operand(1) instanceof SqlIdentifier b) {
                    if (in(a, preserved) && in(b, nullable)) {
                        directed.add(new SqlIdentifier[] {a, b});
                    } else if (in(b, preserved) && in(a, nullable)) {
                        directed.add(new SqlIdentifier[] {b, a});
                    }
                }
            }
        }
    }

    /** Whether {@code id} is a column qualified by one of {@code aliases}. */
    private static boolean in(SqlIdentifier id, Set<String> aliases) {
        return id.names.size() >= 2 && aliases.contains(id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT));
    }

    /** The lower-case aliases (or table names) of the tables in a FROM item. */
    private static Set<String> aliases(SqlNode from) {
        Set<String> out = new HashSet<>();
        if (from instanceof SqlJoin join) {
            out.addAll(aliases(join.getLeft()));
            out.addAll(aliases(join.getRight()));
        } else if (from.getKind() == SqlKind.AS) {
            out.add(((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple().toLowerCase(Locale.ROOT));
        } else if (from instanceof SqlIdentifier id) {
            out.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
