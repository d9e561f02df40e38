package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/**
 * KILL [CONNECTION | QUERY] id, carried out by the session's {@link dev.scion.sql.session.ConnectionControl}. One's
 * own connections (same user) may be killed freely; anyone else's need SUPER.
 */
final class KillStatement implements AdminStatement {
    private final long connectionId;
    private final boolean queryOnly;

    KillStatement(long connectionId, boolean queryOnly) {
        this.connectionId = connectionId;
        this.queryOnly = queryOnly;
    }

    @Override
    public StatementResult execute(Session session) {
        // another account's connection needs SUPER (MySQL: SUPER or CONNECTION_ADMIN), else 1095 as in MySQL;
        // without that check any account could cut off everybody else's sessions
        for (Session target : session.engine().sessions()) {
            if (target.connectionId() == connectionId && !java.util.Objects.equals(target.user(), session.user())
                    && !session.access().hasGlobal(dev.scion.sql.privilege.Privilege.SUPER)) {
                throw new SqlError(ErrorCode.KILL_DENIED, "You are not owner of thread " + connectionId);
            }
        }
        if (!session.connectionControl().kill(connectionId, queryOnly)) {
            throw new SqlError(ErrorCode.NO_SUCH_THREAD, "Unknown thread id: " + connectionId);
        }
        return StatementResult.ok();
    }
}
