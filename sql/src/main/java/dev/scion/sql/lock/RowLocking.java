package dev.scion.sql.lock;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Row locks as a statement takes them, and InnoDB's "current read" on top of Scion's snapshots.
 *
 * <p>A transaction reads and writes a private copy of the snapshot it started from and merges it onto the branch at
 * COMMIT (docs/versioned-sql.md, "Transactions"). A locked row must instead be read at its latest committed version,
 * or {@code UPDATE t SET k = k + 1} after a lock wait would build on a stale value and its COMMIT would meet the
 * other transaction's change as a conflict. So when a lock is newly granted and the branch's latest version of the
 * row differs from the snapshot's, the statement restarts ({@link StatementRestart}); before the second run
 * {@link #catchUp} writes the latest version into both the transaction's snapshot root (the merge base) and its
 * working root. The merge at COMMIT then sees the row unchanged on the branch side since the base, because the lock
 * kept everybody else off it, and takes this transaction's version without a conflict. A row changed by a writer
 * that takes no locks (a dolt procedure, a cascade) still differs from that base, so "no lost update" stays exact.
 */
public final class RowLocking {
    private RowLocking() {
    }

    /** An exclusive lock on the row {@code key} of {@code table}, taken before the statement writes the row. */
    public static void lockForWrite(Session session, DatabaseState db, String table, TableEditor editor, byte[] key) {
        if (editor.codec().keyless()) {
            return; // no primary key: rows have no identity to lock, the COMMIT merge guards them
        }
        lock(session, db, table, key, LockMode.EXCLUSIVE, false);
    }

    /**
     * Takes {@code mode} on a row for the session's transaction, waiting as long as
     * {@code innodb_lock_wait_timeout} says. A deadlock rolls the whole transaction back, as InnoDB does; a timeout
     * fails only the statement. When the row's latest version must be read first, it is noted in the session
     * ({@link Session#noteStaleRow}) and the statement reruns once it ends.
     */
    public static void lock(Session session, DatabaseState db, String table, byte[] key, LockMode mode,
                            boolean noWait) {
        if (db.isReadOnly() || db.isDetached() || db.branch() == null) {
            return; // a commit, tag or detached head is private to the session: nobody to wait for
        }
        RowLockKey lockKey = RowLockKey.of(db.databaseName().toLowerCase(Locale.ROOT), db.branch(),
                table.toLowerCase(Locale.ROOT), key);
        boolean granted;
        try {
            granted = session.engine().rowLocks().acquire(session, lockKey, mode, waitMillis(session), noWait,
                    session::isCancelled);
        } catch (SqlError e) {
            if (e.errorCode() == ErrorCode.LOCK_DEADLOCK) {
                session.rollback();
            }
            throw e;
        }
        if (session.isClosed()) {
            session.engine().rowLocks().releaseAll(session);
            throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
        if (granted) {
            CurrentRow stale = staleRow(db, table, key);
            if (stale != null) {
                // the statement goes on locking (its writes are undone before the rerun), so that one rerun catches
                // up on every stale row it locks instead of one rerun per row
                session.noteStaleRow(stale);
            }
        }
    }

    /**
     * Throws {@link StatementRestart} for the stale rows locked since {@code mark} ({@link Session#staleRowMark}),
     * if any: a locking read calls it once its rows are locked, before it produces any row.
     */
    public static void restartIfStale(Session session, int mark) {
        List<CurrentRow> stale = session.takeStaleRows(mark);
        if (!stale.isEmpty()) {
            throw new StatementRestart(stale);
        }
    }

    /**
     * Whether {@code e} ends the statement even when rows it locked were stale: lock failures (a deadlock has
     * already rolled the transaction back) and interruption. Any other failure of a statement that locked stale
     * rows may come from the stale values (a duplicate key, a failed check), so the statement reruns instead.
     */
    public static boolean endsStatement(RuntimeException e) {
        if (!(e instanceof SqlError s)) {
            return false;
        }
        ErrorCode c = s.errorCode();
        return c == ErrorCode.LOCK_DEADLOCK || c == ErrorCode.LOCK_WAIT_TIMEOUT || c == ErrorCode.LOCK_NOWAIT
                || c == ErrorCode.QUERY_INTERRUPTED;
    }

    /** {@code innodb_lock_wait_timeout} in milliseconds (seconds in the variable, 50 by default). */
    static long waitMillis(Session session) {
        Object v = session.hasVariable("innodb_lock_wait_timeout") ? session.variable("innodb_lock_wait_timeout")
                : null;
        long seconds = 50;
        if (v instanceof Number n) {
            seconds = n.longValue();
        } else if (v != null) {
            try {
                seconds = Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                seconds = 50;
            }
        }
        return Math.max(0, Math.min(seconds, 1_073_741_824L)) * 1000L;
    }

    /**
     * The row's latest committed version when it differs from the transaction's snapshot and the transaction has
     * not changed the row itself; null when the snapshot is current for this row (the common case, decided by
     * comparing root and table addresses before any row is read).
     */
    private static CurrentRow staleRow(DatabaseState db, String table, byte[] key) {
        Hash base = db.startWorkingSet().working();
        Repository repo = db.repo();
        Hash latest = repo.workingSet(db.branch()).working();
        if (latest.equals(base)) {
            return null;
        }
        ChunkBuffer buffer = db.buffer();
        TableValue baseTable = table(repo, buffer, base, table);
        TableValue latestTable = table(repo, buffer, latest, table);
        if (baseTable == null || latestTable == null || !baseTable.schema().equals(latestTable.schema())) {
            return null; // created, dropped or altered meanwhile: the COMMIT merge decides
        }
        if (baseTable.rows().equals(latestTable.rows())) {
            return null;
        }
        byte[] snapshotValue = ProllyMap.load(buffer, baseTable.rows()).get(key);
        byte[] latestValue = ProllyMap.load(buffer, latestTable.rows()).get(key);
        if (Arrays.equals(snapshotValue, latestValue)) {
            return null;
        }
        TableValue own = table(repo, buffer, db.workingRootHash(), table);
        if (own == null || !Arrays.equals(snapshotValue, ProllyMap.load(buffer, own.rows()).get(key))) {
            return null; // this transaction changed the row before locking it (not through a locking path)
        }
        return new CurrentRow(db, table, key, snapshotValue, latestValue);
    }

    private static TableValue table(Repository repo, ChunkBuffer buffer, Hash root, String table) {
        Hash t = repo.readRoot(buffer, root).tableHash(table);
        return t == null ? null : repo.readTable(buffer, t);
    }

    /**
     * Writes a restarted statement's row at its latest version into the transaction's snapshot root (its merge
     * base) and working root; false when nothing changed (the transaction ended, or the row cannot be placed
     * because a unique value moved to another row, which the COMMIT merge then reports). The session also
     * applies {@link #withRow} to its savepoints' roots, so ROLLBACK TO SAVEPOINT cannot bring the stale version
     * back as if this transaction had written it.
     */
    public static boolean catchUp(CurrentRow row) {
        DatabaseState db = row.database();
        if (!db.inTransaction()) {
            return false; // rolled back meanwhile: the next transaction takes a fresh snapshot
        }
        Hash base = db.startWorkingSet().working();
        Hash working = db.workingRootHash();
        Hash newBase = withRow(db, base, row);
        Hash newWorking = working.equals(base) ? newBase : withRow(db, working, row);
        if (newBase == null || newWorking == null) {
            return false;
        }
        db.replaceSnapshot(newBase, newWorking);
        return true;
    }

    /**
     * {@code root} with the row set to its latest version when it still holds the snapshot's version there (else
     * {@code root} unchanged); null when the row cannot be placed.
     */
    public static Hash withRow(DatabaseState db, Hash root, CurrentRow row) {
        Repository repo = db.repo();
        ChunkBuffer buffer = db.buffer();
        RootValue r = repo.readRoot(buffer, root);
        Hash th = r.tableHash(row.table());
        if (th == null) {
            return root;
        }
        TableValue t = repo.readTable(buffer, th);
        TableEditor editor = new TableEditor(row.table(), t, buffer);
        byte[] key = row.key();
        byte[] here = ProllyMap.load(buffer, t.rows()).get(key);
        if (!Arrays.equals(here, row.snapshotValue())) {
            return root;
        }
        Object[] old = here == null ? null : editor.codec().decode(key, here);
        Object[] latest = row.latestValue() == null ? null : editor.codec().decode(key, row.latestValue());
        try {
            if (old == null) {
                editor.insert(latest);
            } else if (latest == null) {
                editor.delete(old);
            } else {
                editor.update(old, latest);
            }
        } catch (DuplicateKeyException e) {
            return null;
        }
        return r.withTable(row.table(), repo.writeTable(buffer, editor.finish())).write(buffer);
    }
}
