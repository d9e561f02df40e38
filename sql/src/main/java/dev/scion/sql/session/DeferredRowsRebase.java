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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Places a transaction whose only writes are deferred one-row writes (the write fast path's, e.g. sysbench's
 * oltp_write_only, whose statements pick one of several tables each) on its branch by replaying those writes, table
 * by table, onto the tables the branch holds now (docs/versioned-sql.md, "A transaction of deferred one-row writes
 * is replayed at COMMIT"). The transaction never builds its own trees: on an unmoved branch the replay builds what
 * it would have built; on a moved one it takes the place of the three-way merge, which diffed the transaction's
 * freshly built trees against its snapshot only to find the rows it already knows, and what it writes is all
 * reached by the new root.
 *
 * <p>It decides what {@link TransactionCommitter}'s merge decides: a row also changed since the snapshot fails
 * the commit (first committer wins), as does a unique key the replayed rows share with another row. Where that
 * merge would look at more for any of the tables (foreign keys of or onto it, CHECK constraints, a changed schema
 * or table name), it builds the transaction's root on its snapshot and runs that merge itself.
 */
public final class DeferredRowsRebase implements WorkingSetCommitQueue.Rebase {
    /** Commits placed by a replay rather than the merge, in this process (an operation count). */
    private static final LongAdder REPLAYED = new LongAdder();

    /** One table's deferred writes and what they change in its snapshot value. */
    private record Table(DeferredRowEdits edits, TableChanges changes) {
        String name() {
            return edits.table();
        }
    }

    private final Session session;
    private final Repository repo;
    private final Hash base;
    /** The tables whose writes change something, in the order the transaction first wrote them. */
    private final List<Table> tables;
    /**
     * The root and table values (one per entry of {@link #tables}) the last {@link #onto} installed by replay,
     * null after a merge. The queue hands the result over under its lock, so the committing thread reads what the
     * placing thread wrote.
     */
    private Hash installedRoot;
    private RootValue installedRootValue;
    private List<TableValue> installedTables;
    /**
     * Per entry of {@link #tables}, the table value built on the snapshot before the queue ({@link #prebuild}) and
     * its address in the transaction's own buffer, or null where it was not built there.
     */
    private TableValue[] prebuilt;
    private Hash[] prebuiltAt;

    private DeferredRowsRebase(Session session, DatabaseState s, List<Table> tables) {
        this.session = session;
        this.repo = s.repo();
        this.base = s.startWorkingSet().working();
        this.tables = tables;
    }

    /** The rebase for {@code s}'s transaction when its writes are all deferred one-row writes; else null. */
    static DeferredRowsRebase of(Session session, DatabaseState s) {
        List<DeferredRowEdits> deferred = s.onlyDeferredEdits();
        if (deferred == null) {
            return null;
        }
        List<Table> tables = new ArrayList<>(deferred.size());
        for (DeferredRowEdits edits : deferred) {
            TableChanges changes = edits.changes();
            if (changes == null) {
                return null;
            }
            if (!changes.isEmpty()) {
                tables.add(new Table(edits, changes));
            }
        }
        return new DeferredRowsRebase(session, s, List.copyOf(tables));
    }

    /** Commits placed by replaying deferred rows, so far in this process. */
    public static long replayed() {
        return REPLAYED.sum();
    }

    /** Tables built before the queue and installed as built / built there and then not used, in this process. */
    private static final LongAdder PREBUILT_USED = new LongAdder();
    private static final LongAdder PREBUILT_UNUSED = new LongAdder();

    public static long prebuiltUsed() {
        return PREBUILT_USED.sum();
    }

    public static long prebuiltUnused() {
        return PREBUILT_UNUSED.sum();
    }

    /**
     * Builds, on the committing thread and before it enters the branch's commit queue, each table's value as the
     * statements would have built it on the snapshot, for every table the branch's working set {@code stored}
     * still holds as the snapshot did. Where the table is still that one when the queue places the transaction
     * (the branch did not move, or others wrote other tables), the value is installed as built: the tree edits
     * and hashing run here, in parallel with other committers, instead of inside the queue, where every commit of
     * the branch waits for them. A table another commit changed meanwhile is replayed in the queue as before.
     */
    void prebuild(ChunkBuffer own, WorkingSet stored) {
        if (tables.isEmpty()) {
            return;
        }
        boolean unmoved = stored.working().equals(base);
        RootValue baseRoot = unmoved ? null : repo.readRoot(own, base);
        RootValue now = unmoved ? null : repo.readRoot(own, stored.working());
        prebuilt = new TableValue[tables.size()];
        prebuiltAt = new Hash[tables.size()];
        for (int i = 0; i < tables.size(); i++) {
            String name = tables.get(i).name();
            Hash b = unmoved ? null : baseRoot.tableHash(name);
            if (unmoved || (b != null && b.equals(now.tableHash(name)))) {
                prebuilt[i] = new ChangeReplay(tables.get(i).changes(), own).onBase();
                prebuiltAt[i] = repo.writeTable(own, prebuilt[i]);
            }
        }
    }

    /** The value {@link #prebuild} built for table {@code i}, or one built now by {@code replay} on the base. */
    private TableValue onBase(int i, ChangeReplay replay, boolean[] used) {
        if (prebuilt != null && prebuilt[i] != null) {
            used[i] = true;
            return prebuilt[i];
        }
        return replay.onBase();
    }

    @Override
    public boolean writesOnlyWhatItReaches() {
        return true;
    }

    @Override
    public WorkingSet onto(WorkingSet current, ChunkBuffer chunks) {
        installedRoot = null;
        installedRootValue = null;
        installedTables = null;
        if (tables.isEmpty()) {
            return current; // the transaction's root is its snapshot's: nothing to publish over what others did
        }
        List<ChangeReplay> replays = new ArrayList<>(tables.size());
        for (Table t : tables) {
            replays.add(new ChangeReplay(t.changes(), chunks));
        }
        RootValue baseRoot = repo.readRoot(chunks, base);
        boolean[] used = new boolean[tables.size()];
        if (current.working().equals(base)) {
            List<TableValue> built = new ArrayList<>(tables.size());
            for (int i = 0; i < tables.size(); i++) {
                built.add(onBase(i, replays.get(i), used));
            }
            return placed(installed(current, chunks, baseRoot, built, used), chunks, used);
        }
        RootValue ours = repo.readRoot(chunks, current.working());
        List<TableValue> merged = new ArrayList<>(tables.size());
        boolean checks = false;
        try {
            for (int i = 0; i < tables.size(); i++) {
                TableValue m = replayed(i, replays.get(i), chunks, baseRoot, ours, current.working(), used);
                if (m == null) {
                    return placed(merge(current, chunks, baseRoot, replays), chunks, new boolean[tables.size()]);
                }
                checks |= !m.schema().checks().isEmpty();
                merged.add(m);
            }
        } catch (MergeConflictException e) {
            throw TransactionCommitter.conflict(e);
        }
        WorkingSet next = installed(current, chunks, ours, merged, used);
        if (checks && !TransactionCommitter.checkViolations(repo, chunks, new SqlRowConstraintChecker(session),
                repo.readRoot(chunks, next.working()), ours).isEmpty()) {
            return placed(merge(current, chunks, baseRoot, replays), chunks, new boolean[tables.size()]);
        }
        REPLAYED.increment();
        return placed(next, chunks, used);
    }

    /**
     * {@code next}, once the tables built before the queue that it does not use are accounted for: they are in
     * the transaction's buffer, reached by nothing, so the group that writes it walks what it reaches.
     */
    private WorkingSet placed(WorkingSet next, ChunkBuffer chunks, boolean[] used) {
        if (prebuilt != null) {
            boolean unused = false;
            for (int i = 0; i < prebuilt.length; i++) {
                if (prebuilt[i] != null) {
                    (used[i] ? PREBUILT_USED : PREBUILT_UNUSED).increment();
                    unused |= !used[i];
                }
            }
            if (unused) {
                chunks.supersede();
            }
        }
        return next;
    }

    /**
     * The transaction's table replayed onto ours' as the merge would leave it, or null where the merge must
     * decide (it throws the merge's conflicts itself).
     */
    private TableValue replayed(int i, ChangeReplay replay, ChunkBuffer chunks, RootValue baseRoot, RootValue ours,
                                Hash oursRoot, boolean[] used) {
        Table table = tables.get(i);
        String name = table.name();
        Hash b = baseRoot.tableHash(name);
        Hash o = ours.tableHash(name);
        if (o == null || !ours.resolveName(name).orElseThrow().equals(name) || table.edits().foreignKeys()
                || !repo.foreignKeys(chunks, oursRoot).childrenOf(name).isEmpty()) {
            return null;
        }
        TableValue oursTable = repo.readTable(chunks, o);
        if (!oursTable.schema().foreignKeys().isEmpty()) {
            return null;
        }
        return o.equals(b) ? onBase(i, replay, used) : replay.onto(name, b, o, oursTable);
    }

    /** {@code root} with each of the tables replaced by its value in {@code values}, written as the new working root. */
    private WorkingSet installed(WorkingSet current, ChunkBuffer chunks, RootValue root, List<TableValue> values,
                                 boolean[] prebuiltUsed) {
        RootValue next = root;
        for (int i = 0; i < tables.size(); i++) {
            Hash at = prebuiltUsed[i] ? prebuiltAt[i] : repo.writeTable(chunks, values.get(i));
            next = next.withTable(tables.get(i).name(), at);
        }
        RootValue.Written w = next.writeAndKeep(chunks);
        // rows changed, no schema did: the foreign keys referencing each table are those of the root replayed onto
        repo.sameForeignKeys(current.working(), w.address());
        installedRoot = w.address();
        installedRootValue = w.root();
        installedTables = values;
        return current.withWorking(w.address());
    }

    /**
     * The transaction commit's three-way merge, with the transaction's root built on its snapshot here: what it
     * built is reached by nothing once merged, so the buffer is marked for the queue's reachability walk.
     */
    private WorkingSet merge(WorkingSet current, ChunkBuffer chunks, RootValue baseRoot, List<ChangeReplay> replays) {
        installedRoot = null;
        installedRootValue = null;
        installedTables = null;
        chunks.supersede();
        RootValue root = baseRoot;
        for (int i = 0; i < tables.size(); i++) {
            root = root.withTable(tables.get(i).name(), repo.writeTable(chunks, replays.get(i).onBase()));
        }
        return TransactionCommitter.merge(session, repo, chunks, base, current, root.write(chunks));
    }

    /**
     * After the commit: the next transaction, starting from the root installed, finds the tables remembered, and
     * the branch's next commit finds that root decoded when it is the one the group stored (a root between two
     * transactions of one group is left out of the write).
     */
    void committed(DatabaseState s) {
        if (installedRoot != null) {
            WorkingSet stored = repo.commitQueue(s.branch()).lastWritten();
            if (stored != null && stored.working().equals(installedRoot)) {
                repo.committedRoot(installedRoot, installedRootValue);
            }
            for (int i = 0; i < tables.size(); i++) {
                tables.get(i).edits().committedAs(s, installedRoot, installedTables.get(i));
            }
        }
    }
}
