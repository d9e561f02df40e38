package dev.scion.sql.lock;

/**
 * Thrown by a statement that has just locked a row whose latest committed version is not the one in its
 * transaction's snapshot. The statement has written nothing yet (writes reach the working root only when a
 * statement ends), so the runner folds the row's latest version into the transaction ({@link RowLocking#catchUp})
 * and runs the statement again; the lock stays held, so the second run finds the row unchanged.
 */
public final class StatementRestart extends RuntimeException {
    private final transient CurrentRow row;

    StatementRestart(CurrentRow row) {
        super("statement restarts on the latest version of a locked row", null, false, false);
        this.row = row;
    }

    public CurrentRow row() {
        return row;
    }
}
