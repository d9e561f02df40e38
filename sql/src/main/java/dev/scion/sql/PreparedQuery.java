package dev.scion.sql;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.function.Consumer;

/**
 * A server-side prepared statement. Each execution binds the parameters into the text as literals and runs it
 * like a query, so prepared and text protocols behave identically.
 */
public final class PreparedQuery {
    private final SqlEngine engine;
    private final String sql;
    private final int parameterCount;

    PreparedQuery(SqlEngine engine, String sql) {
        this.engine = engine;
        this.sql = sql;
        this.parameterCount = ParameterBinder.countParameters(sql);
    }

    public int parameterCount() {
        return parameterCount;
    }

    public String sql() {
        return sql;
    }

    public void execute(Session session, Object[] params, Consumer<StatementResult> sink) {
        if (params.length != parameterCount) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to mysqld_stmt_execute");
        }
        engine.execute(session, ParameterBinder.bind(sql, params), false, sink);
    }
}
