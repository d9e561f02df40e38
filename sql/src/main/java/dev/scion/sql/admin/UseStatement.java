package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** USE db, USE `db/branch`. */
final class UseStatement implements AdminStatement {
    private final String database;

    UseStatement(String database) {
        this.database = database;
    }

    @Override
    public StatementResult execute(Session session) {
        session.useDatabase(database);
        return StatementResult.ok();
    }
}
