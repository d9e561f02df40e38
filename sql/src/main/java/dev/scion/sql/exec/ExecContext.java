package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/** What running operators and expressions need from the outside: the session, and cancellation. */
public final class ExecContext {
    private final Session session;
    private int checkCounter;

    public ExecContext(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    /** Called in loops; throws when the statement was killed. */
    public void checkCancelled() {
        if ((++checkCounter & 1023) == 0 && session.isCancelled()) {
            throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }
}
