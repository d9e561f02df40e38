package dev.scion.sql.dolt;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.Optional;

/**
 * The statement a prepared query's result columns are planned from (COM_STMT_PREPARE) when a table-function call
 * has {@code ?} among its arguments. The columns are otherwise planned with every parameter NULL, which a table
 * function refuses as it refuses a NULL literal; here the call's parameters stay parameters, so the call is planned
 * as a {@link DeferredTableFunction} would be for a column argument: with the columns no parameter decides, or failing
 * (and so reporting none, as MySQL does for columns known only at execution) where one decides them. Every other
 * parameter is NULL, as before.
 */
public final class TableFunctionParameters extends SqlShuttle {
    private boolean inCall;
    private boolean kept;

    private TableFunctionParameters() {
    }

    /** Whether {@code sql} may call a table function (all their names start with dolt_), so is worth parsing. */
    public static boolean mayCall(String sql) {
        return sql.toLowerCase(java.util.Locale.ROOT).contains("dolt_");
    }

    /** The statement with only table-function calls' parameters kept; empty when no such call has one. */
    public static Optional<SqlNode> forColumns(SqlNode statement) {
        TableFunctionParameters p = new TableFunctionParameters();
        SqlNode out = statement.accept(p);
        return p.kept ? Optional.of(out) : Optional.empty();
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        if (inCall) {
            kept = true;
            return param;
        }
        return SqlLiteral.createNull(param.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlCall call) {
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
}
