package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** Statements accepted for compatibility that need no action here (LOCK/UNLOCK TABLES, FLUSH). */
final class NoOp implements AdminStatement {
    @Override
    public StatementResult execute(Session session) {
        return StatementResult.ok();
    }
}
