package dev.scion.sql;

import dev.scion.sql.dolt.TableFunctionRewriter;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.Locale;
import java.util.Optional;

/**
 * The statement a prepared query's result columns are planned from at COM_STMT_PREPARE, for the parameters that a
 * NULL cannot stand in for. Those columns are otherwise planned with every parameter NULL, which a table function
 * refuses as it refuses a NULL literal, and which LIMIT and OFFSET refuse as a count. Here a table-function call's
 * parameters stay parameters, so the call is planned as a deferred call with a column argument is (with the columns
 * no parameter decides, or failing, and so reporting none as MySQL does for columns known only at execution, where
 * one decides them); a LIMIT or OFFSET parameter becomes a count (the columns do not depend on it); every other
 * parameter is NULL, as before.
 */
final class PrepareTimeStatement extends SqlShuttle {
    private boolean inCall;
    private boolean changed;

    private PrepareTimeStatement() {
    }

    /** Whether {@code sql} may hold such a parameter (every table function's name starts with dolt_). */
    static boolean mayNeed(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("dolt_") || lower.contains("limit");
    }

    /** The statement with those parameters replaced; empty when it has none, so binding NULL to all does. */
    static Optional<SqlNode> of(SqlNode statement) {
        PrepareTimeStatement p = new PrepareTimeStatement();
        SqlNode out = statement.accept(p);
        return p.changed ? Optional.of(out) : Optional.empty();
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        if (inCall) {
            changed = true;
            return param;
        }
        return SqlLiteral.createNull(param.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
            select.setOffset(count(select.getOffset(), "0"));
            select.setFetch(count(select.getFetch(), "1"));
        } else if (call instanceof SqlOrderBy order && (order.offset instanceof SqlDynamicParam
                || order.fetch instanceof SqlDynamicParam)) {
            call = new SqlOrderBy(order.getParserPosition(), order.query, order.orderList, count(order.offset, "0"),
                    count(order.fetch, "1"));
        }
        if (inCall || !TableFunctionRewriter.isTableFunction(call)) {
            return super.visit(call);
        }
        inCall = true;
        try {
            return super.visit(call);
        } finally {
            inCall = false;
        }
    }

    /** A LIMIT or OFFSET: a parameter becomes the count {@code value}; anything else stays. */
    private SqlNode count(SqlNode node, String value) {
        if (node instanceof SqlDynamicParam p) {
            changed = true;
            return SqlLiteral.createExactNumeric(value, p.getParserPosition());
        }
        return node;
    }
}
