package dev.scion.sql.lock;

import java.util.List;

/**
 * Thrown by a statement that has locked rows whose latest committed versions are not the ones in its transaction's
 * snapshot. The statement has written nothing yet (writes reach the working root only when a statement ends), so
 * the runner folds the rows' latest versions into the transaction ({@link RowLocking#catchUp}) and runs the
 * statement again; the locks stay held, so the second run finds the rows unchanged.
 */
public final class StatementRestart extends RuntimeException {
    private final transient List<CurrentRow> rows;

    StatementRestart(List<CurrentRow> rows) {
        super("statement restarts on the latest version of locked rows", null, false, false);
        this.rows = List.copyOf(rows);
    }

    public List<CurrentRow> rows() {
        return rows;
    }
}
