package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The error for a column the validator found neither grouped nor aggregated ("Expression 'x' is not being grouped").
 * MySQL tells two cases apart: a query with GROUP BY gets ER_WRONG_FIELD_WITH_GROUP (1055), and an aggregated query
 * without one (all rows one group) ER_MIX_OF_GROUP_FUNC_AND_FIELDS (1140), which names the select-list item. The
 * SELECT is found by the error's position in the statement; the column is named as MySQL names it
 * ({@link ColumnFullName}).
 */
final class UngroupedColumnError {
    private UngroupedColumnError() {
    }

    static SqlError of(Session session, SqlNode statement, int line, int column, String expression) {
        SelectAt found = new SelectAt(line, column);
        statement.accept(found);
        String name = ColumnFullName.of(session, found.select, expression);
        if (found.select != null && found.select.getGroup() == null) {
            int index = found.item >= 0 ? found.item : itemNaming(found.select.getSelectList(), expression);
            String item = index < 0 ? "" : " #" + (index + 1);
            return new SqlError(ErrorCode.MIX_OF_GROUP_FUNC_AND_FIELDS, "In aggregated query without GROUP BY,"
                    + " expression" + item + " of SELECT list contains nonaggregated column '"
                    + name + "'; this is incompatible with sql_mode=only_full_group_by");
        }
        String place = found.select == null ? null
                : found.item >= 0 ? "#" + (found.item + 1) + " of SELECT list"
                : found.orderItem >= 0 ? "#" + (found.orderItem + 1) + " of ORDER BY clause" : null;
        if (place != null) {
            // MySQL 8's wording (ER_WRONG_FIELD_WITH_GROUP_V2), which says where the column is
            return new SqlError(ErrorCode.WRONG_FIELD_WITH_GROUP, "Expression " + place + " is not in GROUP BY clause"
                    + " and contains nonaggregated column '" + name + "' which is not functionally dependent on"
                    + " columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by");
        }
        return new SqlError(ErrorCode.WRONG_FIELD_WITH_GROUP, "'" + name + "' isn't in GROUP BY;"
                + " it is not functionally dependent on columns in GROUP BY clause; this is incompatible with"
                + " sql_mode=only_full_group_by");
    }

    /**
     * The first select-list item that names the column {@code expression} ({@code val} or {@code `t`.`val`}), or
     * -1: for a column the validator placed outside the items (a window function's argument).
     */
    private static int itemNaming(SqlNodeList items, String expression) {
        String[] parts = expression.replace("`", "").split("\\.");
        String column = parts[parts.length - 1];
        for (int i = 0; i < items.size(); i++) {
            boolean[] names = {false};
            items.get(i).accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall windowed) {
                        // a window function's arguments are read row by row, not aggregated
                        windowed.getOperandList().forEach(o -> {
                            if (o != null) {
                                o.accept(this);
                            }
                        });
                        return null;
                    }
                    return call.getOperator().isAggregator() ? null : super.visit(call);
                }

                @Override
                public Void visit(SqlIdentifier id) {
                    if (!id.isStar() && id.names.get(id.names.size() - 1).equalsIgnoreCase(column)) {
                        names[0] = true;
                    }
                    return null;
                }
            });
            if (names[0]) {
                return i;
            }
        }
        return -1;
    }

    /** Finds the innermost SELECT with a select-list item spanning the position, and that item's index. */
    private static final class SelectAt extends SqlBasicVisitor<Void> {
        private final int line;
        private final int column;
        SqlSelect select;
        int item;
        /** The ORDER BY item spanning the position when no select-list item does, else -1. */
        int orderItem = -1;

        SelectAt(int line, int column) {
            this.line = line;
            this.column = column;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call instanceof org.apache.calcite.sql.SqlOrderBy ob && ob.query instanceof SqlSelect s) {
                // before validation an ORDER BY wraps its SELECT
                for (int i = 0; i < ob.orderList.size(); i++) {
                    if (ParserPositions.spans(ob.orderList.get(i).getParserPosition(), line, column)) {
                        select = s;
                        item = -1;
                        orderItem = i;
                    }
                }
            }
            if (call instanceof SqlSelect s && s.getSelectList() != null) {
                // the position may fall outside every item (a column inside a named window's definition), so
                // the SELECT spanning it counts too; inner SELECTs are visited after, so the innermost one wins
                SqlNodeList items = s.getSelectList();
                boolean inItem = false;
                for (int i = 0; i < items.size(); i++) {
                    if (ParserPositions.spans(items.get(i).getParserPosition(), line, column)) {
                        select = s;
                        item = i;
                        inItem = true;
                    }
                }
                if (!inItem && ParserPositions.spans(s.getParserPosition(), line, column) && select != s) {
                    select = s;
                    item = -1;
                    orderItem = -1;
                    SqlNodeList order = s.getOrderList();
                    for (int i = 0; order != null && i < order.size(); i++) {
                        if (ParserPositions.spans(order.get(i).getParserPosition(), line, column)) {
                            orderItem = i;
                        }
                    }
                }
            }
            return super.visit(call);
        }
    }
}
