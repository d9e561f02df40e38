package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** BEGIN / START TRANSACTION, COMMIT and ROLLBACK. */
final class TransactionStatement implements AdminStatement {
    private enum Kind { BEGIN, COMMIT, ROLLBACK }

    private final Kind kind;

    private TransactionStatement(Kind kind) {
        this.kind = kind;
    }

    static TransactionStatement begin() {
        return new TransactionStatement(Kind.BEGIN);
    }

    static TransactionStatement commit() {
        return new TransactionStatement(Kind.COMMIT);
    }

    static TransactionStatement rollback() {
        return new TransactionStatement(Kind.ROLLBACK);
    }

    @Override
    public StatementResult execute(Session session) {
        switch (kind) {
            case BEGIN -> session.beginExplicit();
            case COMMIT -> session.commit();
            case ROLLBACK -> session.rollback();
        }
        return StatementResult.ok();
    }
}
