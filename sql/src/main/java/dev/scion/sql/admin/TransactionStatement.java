package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** BEGIN / START TRANSACTION, COMMIT and ROLLBACK. */
final class TransactionStatement implements AdminStatement {
    private enum Kind { BEGIN, COMMIT, ROLLBACK }

    private final Kind kind;
    private final boolean readOnly;

    private TransactionStatement(Kind kind, boolean readOnly) {
        this.kind = kind;
        this.readOnly = readOnly;
    }

    /** BEGIN / START TRANSACTION [READ ONLY | READ WRITE | WITH CONSISTENT SNAPSHOT]; every transaction reads a
     *  consistent snapshot, so that modifier changes nothing. */
    static TransactionStatement begin(boolean readOnly) {
        return new TransactionStatement(Kind.BEGIN, readOnly);
    }

    static TransactionStatement commit() {
        return new TransactionStatement(Kind.COMMIT, false);
    }

    static TransactionStatement rollback() {
        return new TransactionStatement(Kind.ROLLBACK, false);
    }

    @Override
    public StatementResult execute(Session session) {
        switch (kind) {
            case BEGIN -> {
                if (readOnly) {
                    session.beginExplicit(true);
                } else {
                    session.beginExplicit();
                }
            }
            case COMMIT -> session.engine().transactionCommitter().sqlCommit(session);
            case ROLLBACK -> session.engine().transactionCommitter().sqlRollback(session);
        }
        return StatementResult.ok();
    }
}
