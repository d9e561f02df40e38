package dev.scion.sql.routine;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/**
 * MySQL's autocommit inside a stored procedure: with autocommit on and no explicit transaction open, each statement
 * of the body is a transaction of its own, committed when it succeeds (a version commit too, when
 * {@code @@dolt_transaction_commit} asks for one, as Dolt makes one per SQL commit) and rolled back alone when it
 * fails, so what earlier statements wrote stays committed and is visible to other sessions while the CALL still
 * runs. Inside an explicit transaction, with autocommit off, or under a function or trigger (which may not commit)
 * the statements stay in the enclosing transaction.
 */
final class BodyStatementCommit {
    private BodyStatementCommit() {
    }

    /** Runs one body statement and ends its autocommit transaction as the session's statement end does. */
    static void run(Session session, Runnable statement) {
        if (CommitForbidden.active()) {
            statement.run();
            return;
        }
        try {
            statement.run();
        } catch (SqlError e) {
            session.endStatement(false);
            throw e;
        }
        session.endStatement(true);
    }
}
