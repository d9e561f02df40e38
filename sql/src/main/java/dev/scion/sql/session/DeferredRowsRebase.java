package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dml.DeferredRowEdits;
import dev.scion.sql.dolt.SqlRowConstraintChecker;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.ChangeReplay;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.WorkingSetCommitQueue;
import dev.scion.versioning.table.TableChanges;

import java.util.concurrent.atomic.LongAdder;

/**
 * Places a transaction whose only writes are deferred one-row writes of one table (the write fast path's, e.g.
 * sysbench's oltp_write_only) on its branch by replaying those writes onto the table the branch holds now
 * (docs/versioned-sql.md, "A transaction of deferred one-row writes is replayed at COMMIT"). The transaction never
 * builds its own trees: on an unmoved branch the replay builds what it would have built; on a moved one it takes
 * the place of the three-way merge, which diffed the transaction's freshly built trees against its snapshot only
 * to find the rows it already knows, and what it writes is all reached by the new root.
 *
 * <p>It decides what {@link TransactionCommitter}'s merge decides: a row also changed since the snapshot fails
 * the commit (first committer wins), as does a unique key the replayed rows share with another row. Where that
 * merge would look at more (foreign keys of or onto the table, CHECK constraints, a changed schema or table name),
 * it builds the transaction's root on its snapshot and runs that merge itself.
 */
final class DeferredRowsRebase implements WorkingSetCommitQueue.Rebase {
    /** Commits placed by a replay rather than the merge, in this process (an operation count). */
    private static final LongAdder REPLAYED = new LongAdder();

    private final Session session;
    private final Repository repo;
    private final Hash base;
    private final DeferredRowEdits edits;
    private final TableChanges changes;
    /**
     * The root and table value the last {@link #onto} installed by replay, null after a merge. The queue hands
     * the result over under its lock, so the committing thread reads what the placing thread wrote.
     */
    private Hash installedRoot;
    private TableValue installedTable;

    private DeferredRowsRebase(Session session, DatabaseState s, DeferredRowEdits edits, TableChanges changes) {
        this.session = session;
        this.repo = s.repo();
        this.base = s.startWorkingSet().working();
        this.edits = edits;
        this.changes = changes;
    }

    /** The rebase for {@code s}'s transaction when its writes are all deferred one-row writes; else null. */
    static DeferredRowsRebase of(Session session, DatabaseState s) {
        DeferredRowEdits edits = s.onlyDeferredEdits();
        TableChanges changes = edits == null ? null : edits.changes();
        return changes == null ? null : new DeferredRowsRebase(session, s, edits, changes);
    }

    /** Commits placed by replaying deferred rows, so far in this process. */
    public static long replayed() {
        return REPLAYED.sum();
    }

    @Override
    public boolean writesOnlyWhatItReaches() {
        return true;
    }

    @Override
    public WorkingSet onto(WorkingSet current, ChunkBuffer chunks) {
        installedRoot = null;
        installedTable = null;
        if (changes.isEmpty()) {
            return current; // the transaction's root is its snapshot's: nothing to publish over what others did
        }
        ChangeReplay replay = new ChangeReplay(changes, chunks);
        String table = edits.table();
        RootValue baseRoot = repo.readRoot(chunks, base);
        if (current.working().equals(base)) {
            return installed(current, chunks, baseRoot, table, replay.onBase());
        }
        RootValue ours = repo.readRoot(chunks, current.working());
        TableValue merged;
        try {
            merged = replayed(replay, chunks, baseRoot, ours, current.working(), table);
        } catch (MergeConflictException e) {
            throw TransactionCommitter.conflict(e);
        }
        if (merged == null) {
            return merge(current, chunks, baseRoot, table, replay);
        }
        WorkingSet next = installed(current, chunks, ours, table, merged);
        if (!merged.schema().checks().isEmpty() && !TransactionCommitter.checkViolations(repo, chunks,
                new SqlRowConstraintChecker(session), repo.readRoot(chunks, next.working()), ours).isEmpty()) {
            return merge(current, chunks, baseRoot, table, replay);
        }
        REPLAYED.increment();
        return next;
    }

    /**
     * The transaction's table replayed onto ours' as the merge would leave it, or null where the merge must
     * decide (it throws the merge's conflicts itself).
     */
    private TableValue replayed(ChangeReplay replay, ChunkBuffer chunks, RootValue baseRoot, RootValue ours,
                                Hash oursRoot, String table) {
        Hash b = baseRoot.tableHash(table);
        Hash o = ours.tableHash(table);
        if (o == null || !ours.resolveName(table).orElseThrow().equals(table) || edits.foreignKeys()
                || !repo.foreignKeys(chunks, oursRoot).childrenOf(table).isEmpty()) {
            return null;
        }
        TableValue oursTable = repo.readTable(chunks, o);
        if (!oursTable.schema().foreignKeys().isEmpty()) {
            return null;
        }
        return o.equals(b) ? replay.onBase() : replay.onto(table, b, o, oursTable);
    }

    private WorkingSet installed(WorkingSet current, ChunkBuffer chunks, RootValue root, String table,
                                 TableValue value) {
        RootValue.Written w = root.withTable(table, repo.writeTable(chunks, value)).writeAndKeep(chunks);
        // rows changed, no schema did: the foreign keys referencing each table are those of the root replayed onto
        repo.sameForeignKeys(current.working(), w.address());
        installedRoot = w.address();
        installedTable = value;
        return current.withWorking(w.address());
    }

    /**
     * The transaction commit's three-way merge, with the transaction's root built on its snapshot here: what it
     * built is reached by nothing once merged, so the buffer is marked for the queue's reachability walk.
     */
    private WorkingSet merge(WorkingSet current, ChunkBuffer chunks, RootValue baseRoot, String table,
                             ChangeReplay replay) {
        installedRoot = null;
        installedTable = null;
        chunks.supersede();
        Hash mine = baseRoot.withTable(table, repo.writeTable(chunks, replay.onBase())).write(chunks);
        return TransactionCommitter.merge(session, repo, chunks, base, current, mine);
    }

    /** After the commit: the next transaction, starting from the root installed, finds the table remembered. */
    void committed(DatabaseState s) {
        if (installedRoot != null) {
            edits.committedAs(s, installedRoot, installedTable);
        }
    }
}
