package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;




import java.util.ArrayList;
import java.util.Collections;

import java.util.List;



/**
 * Where MySQL's USING and NATURAL joins differ from Calcite's, settled before validation:
 * <ul>
 * <li>{@code SELECT *} shows the coalesced columns in the order of the first table, not of the USING list
 * ({@code t1 JOIN t2 USING (j, i)} shows {@code i, j}): the list is put in the left side's column order.</li>
 * <li>A RIGHT join is read as the LEFT join of its sides swapped, so {@code *} shows the coalesced columns, then
 * the right table's, then the left's: the join is written so.</li>
 * <li>A USING column that two tables of one side have (and that a USING or NATURAL join there has not coalesced)
 * is 1052, where Calcite picked one.</li>
 * <li>The common column of a USING or NATURAL join nested under another join is the left table's, named so
 * ({@link #qualifyNestedCommonColumns}), where Calcite found it ambiguous.</li>
 * </ul>
 * Column lists are read from the catalog by table name; a side holding a derived table, a table function, a view
 * or a common table expression is left as it is.
 */
public final class UsingJoins extends SelectWalker {
    private UsingJoins(Session session) {
        super(session);
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        return new UsingJoins(session).walk(query);
    }

    @Override
    protected void select(SqlSelect select) {
        if (select.getFrom() instanceof SqlJoin) {
            select.setFrom(rewriteFrom(select.getFrom()));
            qualifyNestedCommonColumns(select);
        }
    }

    /**
     * Calcite expands the common columns of a USING or NATURAL join only where that join is a FROM's top join: under
     * another join ({@code t1 NATURAL JOIN t2 JOIN t3 ON ...}) a bare {@code i} was 1052 ambiguous. MySQL reads it as
     * the coalesced column, which for an inner or left join is the left side's: such names in the select list,
     * WHERE and ON conditions are qualified with the left table that has them. Only names no other table of the
     * FROM has, outside sub-queries.
     */
    private void qualifyNestedCommonColumns(SqlSelect select) {
        SqlJoin top = (SqlJoin) select.getFrom();
        if (top.isNatural() || top.getConditionType() == JoinConditionType.USING) {
            return; // Calcite coalesces the top join's common columns, which may come from its right side
        }
        java.util.Map<String, String> qualifiers = new java.util.HashMap<>();
        List<String> all = new ArrayList<>();
        if (!nestedCommonColumns(top.getLeft(), qualifiers, all) || !nestedCommonColumns(top.getRight(), qualifiers, all)
                || qualifiers.isEmpty()) {
            return;
        }
        qualifiers.keySet().removeIf(name -> Collections.frequency(all, name) > 2);
        if (qualifiers.isEmpty()) {
            return;
        }
        org.apache.calcite.sql.util.SqlShuttle qualify = new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                String table = id.isSimple() ? qualifiers.get(key(id.getSimple())) : null;
                return table == null ? id
                        : new SqlIdentifier(List.of(table, id.getSimple()), id.getParserPosition());
            }

            @Override
            public SqlNode visit(SqlCall call) {
                if (SubQueries.isQuery(call) || call.getKind() == SqlKind.AS) {
                    // a sub-query has its own scope; AS: only its expression, never the alias
                    if (call.getKind() == SqlKind.AS && !SubQueries.isQuery(call.operand(0))) {
                        call.setOperand(0, call.operand(0).accept(this));
                    }
                    return call;
                }
                return super.visit(call);
            }
        };
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier id && id.isSimple() && qualifiers.containsKey(key(id.getSimple()))) {
                // keep the column's name: MySQL labels it i, not t1.i
                items.set(i, org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(id.getParserPosition(),
                        id.accept(qualify), new SqlIdentifier(id.getSimple(), id.getParserPosition())));
            } else {
                items.set(i, item.accept(qualify));
            }
        }
        if (select.getWhere() != null) {
            select.setWhere(select.getWhere().accept(qualify));
        }
        qualifyConditions(top, qualify);
    }

    private static void qualifyConditions(SqlNode from, org.apache.calcite.sql.util.SqlShuttle qualify) {
        if (from instanceof SqlJoin join) {
            qualifyConditions(join.getLeft(), qualify);
            qualifyConditions(join.getRight(), qualify);
            if (join.getConditionType() == JoinConditionType.ON && join.getCondition() != null) {
                join.setOperand(5, join.getCondition().accept(qualify));
            }
        }
    }

    /**
     * Collects, for each USING or NATURAL inner / left join inside {@code from} (a side of the top join), its common
     * columns with the left table that has them, and adds every column name of {@code from}'s tables to {@code all}.
     * False when a side's columns are not known here (a derived table, a view, a CTE).
     */
    private boolean nestedCommonColumns(SqlNode from, java.util.Map<String, String> qualifiers, List<String> all) {
        if (!(from instanceof SqlJoin join)) {
            List<String> columns = columns(from);
            if (columns == null) {
                return false;
            }
            all.addAll(columns);
            return true;
        }
        if (!nestedCommonColumns(join.getLeft(), qualifiers, all) || !nestedCommonColumns(join.getRight(), qualifiers, all)) {
            return false;
        }
        boolean using = join.getConditionType() == JoinConditionType.USING;
        if ((using || join.isNatural()) && (join.getJoinType() == JoinType.INNER || join.getJoinType() == JoinType.LEFT)) {
            String left = tableName(join.getLeft());
            List<String> leftColumns = columns(join.getLeft());
            List<String> rightColumns = columns(join.getRight());
            if (left == null || leftColumns == null || rightColumns == null) {
                return false;
            }
            if (using) {
                for (SqlNode n : (SqlNodeList) join.getCondition()) {
                    qualifiers.put(key(((SqlIdentifier) n).getSimple()), left);
                }
            } else {
                for (String c : leftColumns) {
                    if (rightColumns.contains(c)) {
                        qualifiers.put(c, left);
                    }
                }
            }
        }
        return true;
    }

    /** The name a single table of a FROM is known by (its alias, else its own name); null for anything else. */
    private static String tableName(SqlNode from) {
        if (from instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        if (from.getKind() == SqlKind.AS && ((SqlCall) from).operandCount() == 2
                && ((SqlCall) from).operand(0) instanceof SqlIdentifier) {
            return ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
        }
        return null;
    }

    private SqlNode rewriteFrom(SqlNode from) {
        if (!(from instanceof SqlJoin join)) {
            return from;
        }
        join.setLeft(rewriteFrom(join.getLeft()));
        join.setRight(rewriteFrom(join.getRight()));
        boolean using = join.getConditionType() == JoinConditionType.USING;
        if (!using && !join.isNatural()) {
            return join;
        }
        if (join.getJoinType() == JoinType.RIGHT) {
            join = new SqlJoin(join.getParserPosition(), join.getRight(), join.isNaturalNode(),
                    JoinType.LEFT.symbol(join.getJoinTypeNode().getParserPosition()), join.getLeft(),
                    join.getConditionTypeNode(), join.getCondition());
        }
        if (using) {
            List<String> left = columns(join.getLeft());
            List<String> right = columns(join.getRight());
            if (left != null && right != null) {
                orderUsingList(join, left, right);
            }
        }
        return join;
    }

    private static void orderUsingList(SqlJoin join, List<String> left, List<String> right) {
        SqlNodeList names = (SqlNodeList) join.getCondition();
        for (SqlNode n : names) {
            String name = key(((SqlIdentifier) n).getSimple());
            if (Collections.frequency(left, name) > 1 || Collections.frequency(right, name) > 1) {
                throw new SqlError(ErrorCode.NON_UNIQ,
                        "Column '" + ((SqlIdentifier) n).getSimple() + "' in from clause is ambiguous");
            }
        }
        List<SqlNode> ordered = new ArrayList<>(names.getList());
        ordered.sort((a, b) -> Integer.compare(left.indexOf(key(((SqlIdentifier) a).getSimple())),
                left.indexOf(key(((SqlIdentifier) b).getSimple()))));
        for (int i = 0; i < ordered.size(); i++) {
            names.set(i, ordered.get(i));
        }
    }

    /**
     * The lower-case columns {@code *} shows of a FROM item, a name once per table that has it (once for the
     * columns a USING or NATURAL join coalesced); null when not known here.
     */
    private List<String> columns(SqlNode from) {
        if (from instanceof SqlIdentifier id) {
            return tableColumns(id);
        }
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            return as.operandCount() == 2 ? columns(as.operand(0)) : null;
        }
        if (!(from instanceof SqlJoin join)) {
            return null;
        }
        List<String> left = columns(join.getLeft());
        List<String> right = columns(join.getRight());
        if (left == null || right == null) {
            return null;
        }
        List<String> common = new ArrayList<>();
        if (join.isNatural()) {
            for (String c : left) {
                if (right.contains(c)) {
                    common.add(c);
                }
            }
        } else if (join.getConditionType() == JoinConditionType.USING) {
            for (SqlNode n : (SqlNodeList) join.getCondition()) {
                common.add(key(((SqlIdentifier) n).getSimple()));
            }
        }
        List<String> out = new ArrayList<>(common);
        for (String c : left) {
            if (!common.contains(c)) {
                out.add(c);
            }
        }
        for (String c : right) {
            if (!common.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
