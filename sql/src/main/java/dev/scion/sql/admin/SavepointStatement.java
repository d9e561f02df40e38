package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** SAVEPOINT name, ROLLBACK [WORK] TO [SAVEPOINT] name, RELEASE SAVEPOINT name. */
final class SavepointStatement implements AdminStatement {
    enum Kind { SET, ROLLBACK_TO, RELEASE }

    private final Kind kind;
    private final String name;

    SavepointStatement(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public StatementResult execute(Session session) {
        switch (kind) {
            case SET -> session.savepoint(name);
            case ROLLBACK_TO -> session.rollbackToSavepoint(name);
            case RELEASE -> session.releaseSavepoint(name);
        }
        return StatementResult.ok();
    }
}
