package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** KILL [CONNECTION | QUERY] id, carried out by the session's {@link dev.scion.sql.session.ConnectionControl}. */
final class KillStatement implements AdminStatement {
    private final long connectionId;
    private final boolean queryOnly;

    KillStatement(long connectionId, boolean queryOnly) {
        this.connectionId = connectionId;
        this.queryOnly = queryOnly;
    }

    @Override
    public StatementResult execute(Session session) {
        if (!session.connectionControl().kill(connectionId, queryOnly)) {
            throw new SqlError(ErrorCode.NO_SUCH_THREAD, "Unknown thread id: " + connectionId);
        }
        return StatementResult.ok();
    }
}
