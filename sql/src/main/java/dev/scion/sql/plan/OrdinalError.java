package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The validator's "Ordinal out of range" for {@code ORDER BY 100} or {@code GROUP BY 0} over fewer select items, as
 * MySQL reports it: 1054 "Unknown column '100' in 'order clause'" ('group statement' for GROUP BY). The position
 * finds the number in the statement.
 */
final class OrdinalError {
    private OrdinalError() {
    }

    static SqlError of(SqlNode statement, int line, int column) {
        String[] found = {null, "order clause"};
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    look(select.getGroup(), "group statement");
                    look(select.getOrderList(), "order clause");
                } else if (call instanceof SqlOrderBy orderBy) {
                    look(orderBy.orderList, "order clause");
                }
                return super.visit(call);
            }

            private void look(SqlNodeList list, String place) {
                if (list == null) {
                    return;
                }
                for (SqlNode item : list) {
                    SqlNode n = item instanceof SqlCall c && c.operandCount() > 0 ? c.operand(0) : item;
                    if (n instanceof SqlNumericLiteral number && number.getParserPosition().getLineNum() == line
                            && number.getParserPosition().getColumnNum() == column) {
                        found[0] = number.toValue();
                        found[1] = place;
                    }
                }
            }
        });
        return new SqlError(ErrorCode.BAD_FIELD,
                "Unknown column '" + (found[0] == null ? "?" : found[0]) + "' in '" + found[1] + "'");
    }
}
