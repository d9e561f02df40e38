package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.table.TableChanges;
import dev.scion.versioning.table.TableEditor;

/**
 * One table's row writes that the write fast path made in an open transaction and has not yet built into trees
 * (docs/performance.md, round 18). A multi-statement transaction such as sysbench's oltp_write_only used to build
 * the table's row and index trees, hash the table value, table map and root, after each of its statements; now
 * the statements edit one pending {@link TableEditor} and the trees are built once, when anything reads the
 * transaction's working root ({@link DatabaseState#workingRoot()}: the COMMIT, a savepoint, any other statement).
 *
 * <p>An instance is never changed once {@link DatabaseState#defer deferred}: each statement edits a
 * {@link #fork} and defers that, so a statement mark can keep the instance and a failed statement leaves it as it
 * was. {@link #install} applies the writes to the editor's own trees, which does not change what it reads.
 */
public final class DeferredRowEdits {
    /**
     * Pending entries (rows and index entries) past which a statement's edits are built at once: every statement
     * copies the pending entries into its fork, so a long transaction of one-row writes must not let them grow.
     */
    static final int MAX_PENDING = 256;

    private final String typedName;
    private final String stored;
    private final TableValue base;
    private final TableEditor editor;
    private final boolean foreignKeys;

    DeferredRowEdits(String typedName, String stored, TableValue base, TableEditor editor, boolean foreignKeys) {
        this.typedName = typedName;
        this.stored = stored;
        this.base = base;
        this.editor = editor;
        this.foreignKeys = foreignKeys;
    }

    /** The table's stored name in the transaction's root. */
    public String table() {
        return stored;
    }

    /** Whether the table had foreign keys, or other tables referenced it, when the writes were made. */
    public boolean foreignKeys() {
        return foreignKeys;
    }

    /**
     * What the writes change in the table value they were made on, for a COMMIT to replay onto the branch's current
     * table without building them here first; null when that cannot be told (see {@link TableEditor#pendingChanges}).
     */
    public TableChanges changes() {
        return editor.pendingChanges();
    }

    /**
     * After a COMMIT installed these writes as {@code value} in the branch's root at {@code root}: remembers the
     * table for that root, as {@link #install} does for the root it builds, so that the next transaction, which
     * starts from that root unless another commit came first, finds the table without looking it up.
     */
    public void committedAs(DatabaseState db, Hash root, TableValue value) {
        db.writeTargets().remember(typedName, new WriteTargets.Entry(root, stored, value, foreignKeys, false));
    }

    /** An editor seeing these writes, for one statement to change without changing them. */
    TableEditor fork() {
        return editor.fork();
    }

    boolean tooLarge() {
        return editor.pendingCount() > MAX_PENDING;
    }

    /**
     * Builds the writes into the trees and installs the table value in {@code db}'s working root (which must be
     * the root the writes were deferred on), and remembers the table for that root, as a fast-path statement
     * that applied its editor at once would have.
     */
    public void install(DatabaseState db) {
        TableValue written = TableTarget.of(db, stored, base).apply(editor);
        db.writeTargets().remember(typedName, new WriteTargets.Entry(db.workingRootHash(), stored, written,
                foreignKeys, false));
    }
}
