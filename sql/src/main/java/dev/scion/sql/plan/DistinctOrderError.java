package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The validator's "Expression 'x' is not in the select clause" (ORDER BY of a SELECT DISTINCT naming what the select
 * list lacks) as MySQL reports it: 3065, naming the ORDER BY item by position and the column as MySQL names it
 * ({@link ColumnFullName}). The item is found by the error's position in the statement.
 */
final class DistinctOrderError {
    private DistinctOrderError() {
    }

    static SqlError of(Session session, SqlNode statement, int line, int column, String expression) {
        SqlSelect[] select = {null};
        int[] item = {-1};
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy ob && ob.query instanceof SqlSelect s) {
                    look(ob.orderList, s);
                } else if (call instanceof SqlSelect s) {
                    look(s.getOrderList(), s);
                }
                return super.visit(call);
            }

            private void look(SqlNodeList order, SqlSelect s) {
                for (int i = 0; order != null && i < order.size(); i++) {
                    if (ParserPositions.spans(order.get(i).getParserPosition(), line, column)) {
                        select[0] = s;
                        item[0] = i;
                    }
                }
            }
        });
        String name = ColumnFullName.of(session, select[0], expression);
        return new SqlError(ErrorCode.FIELD_IN_ORDER_NOT_SELECT, "Expression #" + (item[0] < 0 ? 1 : item[0] + 1)
                + " of ORDER BY clause is not in SELECT list, references column '" + name
                + "' which is not in SELECT list; this is incompatible with DISTINCT");
    }
}
