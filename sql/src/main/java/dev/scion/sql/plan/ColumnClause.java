package dev.scion.sql.plan;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWindow;

/**
 * The column reference a validator error points at, and the clause it sits in as MySQL 8 names that clause in its
 * 1054 / 1052 texts ('field list', 'where clause', 'on clause', ...). The innermost SELECT holding the reference
 * decides, as in MySQL, which resolves one query block at a time: a bad column in a sub-query's select list is in
 * the 'field list' even when the sub-query sits in a WHERE.
 */
record ColumnClause(SqlIdentifier column, String clause) {
    static final String FIELD_LIST = "field list";

    /** The column as the statement writes it, qualifiers included ({@code a.zz}), without quotes. */
    String written() {
        return String.join(".", column.names);
    }

    /** The identifier spanning the (1-based) position, when there is one. */
    static Optional<ColumnClause> at(SqlNode statement, int line, int column) {
        Finder finder = new Finder(line, column);
        finder.visit(statement, FIELD_LIST);
        return Optional.ofNullable(finder.found);
    }

    /** Whether a qualified star ({@code q.*}) spans the position. */
    static boolean starAt(SqlNode statement, int line, int column) {
        boolean[] found = {false};
        statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (id.isStar() && id.names.size() > 1 && ParserPositions.spans(id.getParserPosition(), line, column)) {
                    found[0] = true;
                }
                return null;
            }
        });
        return found[0];
    }

    private static final class Finder {
        private final int line;
        private final int column;
        ColumnClause found;

        Finder(int line, int column) {
            this.line = line;
            this.column = column;
        }

        void visit(SqlNode node, String clause) {
            if (node == null || found != null) {
                return;
            }
            if (node instanceof SqlIdentifier id) {
                if (!id.isStar() && ParserPositions.spans(id.getParserPosition(), line, column)) {
                    found = new ColumnClause(id, clause);
                }
            } else if (node instanceof SqlNodeList list) {
                list.forEach(n -> visit(n, clause));
            } else if (node instanceof SqlSelect select) {
                visit(select.getSelectList(), FIELD_LIST);
                visit(select.getFrom(), "from clause");
                SqlNode moved = UngroupedHaving.movedFrom(select);
                SqlNode where = select.getWhere();
                if (moved != null && where != moved && where instanceof SqlCall and && and.operandCount() == 2
                        && and.operand(1) == moved) {
                    visit(and.operand(0), "where clause");
                } else if (where != moved) {
                    visit(where, "where clause");
                }
                visit(moved, "having clause");
                visit(select.getGroup(), "group statement");
                visit(select.getHaving(), "having clause");
                visit(select.getWindowList(), "window");
                visit(select.getOrderList(), "order clause");
            } else if (node instanceof SqlOrderBy orderBy) {
                visit(orderBy.query, clause);
                visit(orderBy.orderList, "order clause");
            } else if (node instanceof SqlJoin join) {
                visit(join.getLeft(), clause);
                visit(join.getRight(), clause);
                // USING (c) is resolved with the FROM clause; ON is its own clause
                visit(join.getCondition(), join.getCondition() instanceof SqlNodeList ? "from clause" : "on clause");
            } else if (node instanceof SqlWindow window) {
                visit(window.getPartitionList(), "window partition by");
                visit(window.getOrderList(), "window order by");
            } else if (node instanceof SqlUpdate update) {
                visit(update.getSourceExpressionList(), FIELD_LIST);
                visit(update.getCondition(), "where clause");
            } else if (node instanceof SqlDelete delete) {
                visit(delete.getCondition(), "where clause");
            } else if (node instanceof SqlCall call) {
                List<SqlNode> operands = call.getOperandList();
                operands.forEach(n -> visit(n, clause));
            }
        }
    }
}
