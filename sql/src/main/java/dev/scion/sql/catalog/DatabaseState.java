package dev.scion.sql.catalog;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.AutoIncrementCounters;
import dev.scion.versioning.repo.Repository;

/**
 * One session's view of one database revision: which branch (or read-only commit) it is bound to and, inside
 * a transaction, the snapshot it started from and the private working root it reads and writes.
 */
public final class DatabaseState {
    private final String name;
    private final String databaseName;
    private final Repository repo;
    private String branch;
    private Hash readOnlyCommit;

    private WorkingSet startWorkingSet;
    /**
     * The branch head when the transaction began: the session's HEAD until it ends, and what a version operation of
     * the transaction (dolt_commit --amend) expects to still find, so that it never rewrites a commit the
     * transaction did not see.
     */
    private Hash startHead;
    private Hash workingRoot;
    /**
     * The decoded root a statement of this transaction last wrote, valid while {@link #workingRoot} is its
     * address: an uncommitted root is not in the repository's object cache, so without it every later statement
     * of the transaction would look it up in the store and decode its header and table map again.
     */
    private RootValue.Written lastWritten;
    /**
     * The transaction's own staged root once dolt_add, dolt_reset or dolt_commit -a staged something in it (null:
     * still the snapshot's). Like the working root it is private until COMMIT merges it with what others staged.
     */
    private Hash stagedRoot;
    private ChunkBuffer buffer;
    private boolean dirty;
    /** Per shared auto-increment counter, the largest id this transaction took or inserted (null: none). */
    private java.util.Map<AutoIncrementCounters.Counter, Long> idsUsed;
    /** Keeps the snapshot's chunks from garbage collection while the transaction is open. */
    private LiveRoots.Pin<?> snapshotPin;
    /** Keeps a merge state taken over by {@link #adoptPublishedMergeState} alive (null: none taken over). */
    private LiveRoots.Pin<?> adoptedMergePin;
    private boolean mergeConflictsPending;
    /** The write fast path's tables, per root they were resolved in; made by the first fast-path write. */
    private dev.scion.sql.dml.WriteTargets writeTargets;
    /**
     * Row writes of the open transaction not yet built into {@link #workingRoot}'s trees, one entry per table
     * (empty: none); built by {@link #settle} before anything reads the root. Never changed in place: a
     * statement's {@link Point} keeps the list it saw.
     */
    private java.util.List<dev.scion.sql.dml.DeferredRowEdits> deferred = java.util.List.of();
    /** Times deferred writes were built into a root (an operation count for the regression check). */
    private long settles;

    // Detached head (seed 004): HEAD is readOnlyCommit, and the working root belongs to this session alone. It
    // outlives transactions, so its chunks stay in a buffer of their own until COMMIT() writes them out.
    private boolean detached;
    private Hash detachedWorking;
    private ChunkBuffer detachedBuffer;
    /** Keeps the detached HEAD alive: a commit made by COMMIT() in detached mode is on no branch. */
    private LiveRoots.Pin<?> detachedPin;

    /**
     * A session's temporary tables in one database binding ({@link TemporaryTables}): a detached working root with
     * no HEAD, never published; only this session's table resolution reaches it.
     */
    private boolean temporary;
    /** Bytes a temporary home's buffer held after its last compaction ({@link #compactTemporary}). */
    private long compactedBytes;
    /** A temporary home's buffer is not compacted below this size: walking it would cost more than it saves. */
    private static final long COMPACT_MIN_BYTES = 1 << 20;

    /** The session's snapshot of its repository's branches, read by {@link #begin} (null: the refs as they are). */
    private BranchSnapshot.Source branchSnapshots;

    /** A writable binding to a branch. */
    public DatabaseState(String name, String databaseName, Repository repo, String branch) {
        this.name = name;
        this.databaseName = databaseName;
        this.repo = repo;
        this.branch = branch;
    }

    /** A read-only binding to a commit. */
    public static DatabaseState readOnly(String name, String databaseName, Repository repo, Hash commit) {
        DatabaseState s = new DatabaseState(name, databaseName, repo, null);
        s.readOnlyCommit = commit;
        return s;
    }

    /**
     * The home of one session's temporary tables in {@code base}'s database: private like a detached head's working
     * root (its chunks stay in a buffer of its own, outside the chunk store), starting empty, with no HEAD and no
     * branch, so no commit, merge, status or diff ever reads it.
     */
    static DatabaseState temporary(DatabaseState base) {
        DatabaseState s = new DatabaseState(base.name, base.databaseName, base.repo, null);
        s.temporary = true;
        s.detached = true;
        s.detachedBuffer = base.repo.newBuffer();
        s.detachedWorking = RootValue.empty().write(s.detachedBuffer);
        return s;
    }

    /** True for the home of a session's temporary tables (see {@link #temporary(DatabaseState)}). */
    public boolean isTemporary() {
        return temporary;
    }

    /**
     * After DDL on temporary table {@code stored}: the table as the statement left it (or its absence) is kept even
     * if the transaction rolls back, as MySQL neither commits nor undoes DDL on temporary tables; the row changes the
     * transaction made to its other temporary tables still follow COMMIT or ROLLBACK.
     */
    public void keepThroughRollback(String stored) {
        if (!temporary || workingRoot == null) {
            return;
        }
        Hash now = workingRoot().tables().get(stored);
        RootValue kept = repo.readRoot(detachedBuffer, detachedWorking);
        detachedWorking = (now == null ? kept.withoutTable(stored) : kept.withTable(stored, now))
                .write(detachedBuffer);
    }

    /**
     * Between transactions: drops from a temporary home's buffer the chunks its kept root no longer reaches (earlier
     * versions of its tables' trees), once the buffer has grown to twice what was live after the last compaction, so
     * that a session rewriting a temporary table does not grow without bound. The walk costs about what was written
     * since the last one.
     */
    public void compactTemporary() {
        if (!temporary || workingRoot != null
                || detachedBuffer.pendingBytes() < Math.max(COMPACT_MIN_BYTES, 2 * compactedBytes)) {
            return;
        }
        ChunkBuffer live = repo.newBuffer();
        live.putAll(dev.scion.versioning.repo.ReachableChunks.ofRoot(detachedWorking, detachedBuffer.pending()));
        detachedBuffer = live;
        lastWritten = null;
        compactedBytes = live.pendingBytes();
    }

    /** Bytes held by a temporary home's buffer (for tests of its compaction). */
    public long temporaryBytes() {
        return temporary ? detachedBuffer.pendingBytes() : 0;
    }

    /** The name the client uses, e.g. {@code mydb} or {@code mydb/feature}. */
    public String name() {
        return name;
    }

    public String databaseName() {
        return databaseName;
    }

    public Repository repo() {
        return repo;
    }

    public String branch() {
        return branch;
    }

    public boolean isReadOnly() {
        return branch == null && !detached;
    }

    /** True in detached head mode: no branch, HEAD is {@link #readOnlyCommit()}, writes stay in this session. */
    public boolean isDetached() {
        return detached;
    }

    /** Enters detached head mode at a commit; the working root starts as the commit's root. */
    public void detachAt(Hash commit) {
        endTransaction();
        LiveRoots.Pin<?> previous = detachedPin;
        detachedPin = repo.liveRoots().pin(java.util.List.of(new LiveRoots.Root(commit, VersioningKinds.COMMIT)));
        if (previous != null) {
            previous.close();
        }
        branch = null;
        readOnlyCommit = commit;
        detached = true;
        detachedWorking = repo.readCommit(commit).root();
        detachedBuffer = repo.newBuffer();
    }

    /** In detached mode: keeps the transaction's working root as the session's working root. */
    public void keepDetachedWorking() {
        if (detached && workingRoot != null) {
            settle();
            detachedWorking = workingRoot;
        }
    }

    public Hash readOnlyCommit() {
        return readOnlyCommit;
    }

    /** Lets {@link #begin} start a transaction from the branch as the session's transaction first found it. */
    public void readBranchesFrom(BranchSnapshot.Source source) {
        this.branchSnapshots = source;
    }

    public boolean inTransaction() {
        return workingRoot != null;
    }

    /** True once the transaction wrote its working root or staged something. */
    public boolean isDirty() {
        return dirty || stagedRoot != null || !deferred.isEmpty();
    }

    /** Starts a transaction if none is open: snapshots the branch's working set. */
    public void begin() {
        if (workingRoot != null) {
            return;
        }
        if (detached) {
            buffer = detachedBuffer;
            startWorkingSet = null;
            workingRoot = detachedWorking;
            return;
        }
        buffer = repo.newBuffer();
        if (branch == null) {
            startWorkingSet = null;
            snapshotPin = repo.liveRoots().pin(java.util.List.of(
                    new LiveRoots.Root(readOnlyCommit, VersioningKinds.COMMIT)));
            workingRoot = repo.readCommit(readOnlyCommit).root();
        } else {
            repo.branchActivity().read(branch);
            BranchSnapshot.Tip tip = branchSnapshots == null ? null
                    : branchSnapshots.of(repo).flatMap(v -> v.tip(branch)).orElse(null);
            LiveRoots.Pin<WorkingSet> pin;
            if (tip != null) {
                // the session's snapshot still pins these roots, but may be dropped before this transaction ends
                startHead = tip.head();
                pin = repo.liveRoots().pin(tip::workingSet, WorkingSetRoots::report);
            } else {
                // the head is read before the working set: a commit landing in between makes the recorded head
                // older than the snapshot, so a check against it fails safe (a refused amend) rather than passing a
                // stale one
                startHead = repo.branchHead(branch).orElse(null);
                pin = repo.pinWorkingSet(branch);
            }
            snapshotPin = pin;
            startWorkingSet = pin.value();
            workingRoot = startWorkingSet.working();
        }
    }

    public dev.scion.sql.dml.WriteTargets writeTargets() {
        if (writeTargets == null) {
            writeTargets = new dev.scion.sql.dml.WriteTargets();
        }
        return writeTargets;
    }

    public WorkingSet startWorkingSet() {
        begin();
        return startWorkingSet;
    }

    /** The branch head the open transaction began at; null outside a transaction or off a branch. */
    public Hash startHead() {
        return workingRoot == null ? null : startHead;
    }

    public Hash workingRootHash() {
        begin();
        settle();
        return workingRoot;
    }

    public RootValue workingRoot() {
        begin();
        settle();
        return rootValueUnderDeferredEdits();
    }

    /**
     * The root {@link #rootUnderDeferredEdits()} names, read without building the deferred row writes: for the
     * write fast path's name, schema and foreign-key lookups, which those writes do not change.
     */
    public RootValue rootValueUnderDeferredEdits() {
        begin();
        RootValue.Written w = lastWritten;
        if (w != null && w.address().equals(workingRoot)) {
            return w.root();
        }
        return repo.readRoot(buffer, workingRoot);
    }

    /** The open transaction's staged root: what it staged, else the snapshot's; null off a branch. */
    public Hash stagedRootHash() {
        begin();
        if (stagedRoot != null) {
            return stagedRoot;
        }
        return startWorkingSet == null ? null : startWorkingSet.staged();
    }

    /** The staged root as the transaction changed it, or null when it staged nothing (COMMIT keeps others'). */
    public Hash changedStagedRoot() {
        return stagedRoot;
    }

    /** Replaces the transaction's staged root (its chunks must be in {@link #buffer()}); published at COMMIT. */
    public void setStagedRoot(Hash root) {
        begin();
        if (startWorkingSet == null) {
            throw new IllegalStateException("no staged root outside a branch");
        }
        // staging the snapshot's root again is staging nothing: COMMIT then keeps what others staged meanwhile,
        // which is also what the three-way merge of the staged roots would give
        stagedRoot = root.equals(startWorkingSet.staged()) ? null : root;
    }

    public ChunkBuffer buffer() {
        begin();
        return buffer;
    }

    /**
     * The root the transaction's deferred row writes apply to, without building them: what the write fast path
     * resolves table names, schemas and triggers in, which those writes do not change. The working root itself
     * when nothing is deferred.
     */
    public Hash rootUnderDeferredEdits() {
        begin();
        return workingRoot;
    }

    /** Whether the open transaction still reads its snapshot's working root: it has written nothing to it. */
    public boolean readsSnapshotRoot() {
        begin();
        return deferred.isEmpty() && startWorkingSet != null && workingRoot.equals(startWorkingSet.working());
    }

    /**
     * The deferred row writes, one entry per table, when they are all the open transaction wrote: its working root
     * is still its snapshot's and nothing is staged, so what it publishes is the snapshot with those writes built
     * in, and a COMMIT may replay them onto the branch's current root instead (TransactionCommitter). Null
     * otherwise.
     */
    public java.util.List<dev.scion.sql.dml.DeferredRowEdits> onlyDeferredEdits() {
        if (workingRoot == null || deferred.isEmpty() || dirty || stagedRoot != null || startWorkingSet == null
                || !workingRoot.equals(startWorkingSet.working())) {
            return null;
        }
        return deferred;
    }

    /** The open transaction's deferred row writes to the table stored as {@code stored}, or null. */
    public dev.scion.sql.dml.DeferredRowEdits deferredEdits(String stored) {
        if (workingRoot == null) {
            return null;
        }
        for (dev.scion.sql.dml.DeferredRowEdits d : deferred) {
            if (d.table().equals(stored)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Makes {@code edits} the transaction's deferred row writes to its table, replacing those of the same table
     * (which the statement's editor started from). Writes deferred to other tables stay deferred: each table's
     * are relative to the same root, which none of them changes but in rows.
     */
    public void defer(dev.scion.sql.dml.DeferredRowEdits edits) {
        begin();
        java.util.List<dev.scion.sql.dml.DeferredRowEdits> next = new java.util.ArrayList<>(deferred.size() + 1);
        boolean replaced = false;
        for (dev.scion.sql.dml.DeferredRowEdits d : deferred) {
            if (d.table().equals(edits.table())) {
                next.add(edits);
                replaced = true;
            } else {
                next.add(d);
            }
        }
        if (!replaced) {
            next.add(edits);
        }
        deferred = java.util.List.copyOf(next);
    }

    /** Builds the deferred row writes into the working root, table by table. */
    private void settle() {
        java.util.List<dev.scion.sql.dml.DeferredRowEdits> pending = deferred;
        if (pending.isEmpty()) {
            return;
        }
        deferred = java.util.List.of(); // install reads the working root through workingRoot()
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).install(this);
            } catch (RuntimeException | Error e) {
                // the tables not yet built stay deferred, so a failed read cannot drop the transaction's writes
                // from what its COMMIT publishes (installing a table again would be harmless: the value installed
                // holds all of its writes)
                deferred = java.util.List.copyOf(pending.subList(i, pending.size()));
                throw e;
            }
            settles++;
        }
    }

    /** Times deferred row writes were built into a working root. */
    public long settles() {
        return settles;
    }

    /** Installs a new private working root (the write becomes visible to others at commit). */
    public void setWorkingRoot(RootValue root) {
        begin();
        // a root read through workingRoot() has nothing deferred; any other replaces what was deferred
        deferred = java.util.List.of();
        RootValue.Written w = root.writeAndKeep(buffer);
        lastWritten = w;
        Hash h = w.address();
        if (!h.equals(workingRoot)) {
            if (dirty) {
                // the root an earlier statement wrote to the buffer is replaced: its own chunks become garbage
                buffer.supersede();
            }
            workingRoot = h;
            dirty = true;
        }
    }

    /** The working root of the open transaction, or null when none is open (for savepoints). */
    public Hash openWorkingRoot() {
        if (workingRoot != null) {
            settle();
        }
        return workingRoot;
    }

    /**
     * Where the open transaction is, deferred writes included, without building them: a statement's mark, to
     * which {@link #restore} puts the transaction back. Null when no transaction is open.
     */
    public Point point() {
        return workingRoot == null ? null : new Point(workingRoot, deferred, dirty);
    }

    /** A transaction's position: its working root, the row writes deferred on it, and whether it had written. */
    public record Point(Hash root, java.util.List<dev.scion.sql.dml.DeferredRowEdits> deferred, boolean dirty) {
    }

    /** Puts the transaction back to {@code point} ({@link #point}); null means back to its start. */
    public void restore(Point point) {
        if (point == null) {
            restoreWorkingRoot(null, false);
            return;
        }
        if (workingRoot == null) {
            return;
        }
        if (!workingRoot.equals(point.root())) {
            buffer.supersede(); // what was written after the point is reached by nothing now
            workingRoot = point.root();
        }
        deferred = point.deferred();
        dirty = point.dirty();
    }

    /**
     * Puts the transaction back to a root it had earlier ({@code ROLLBACK TO SAVEPOINT}); null means back to the
     * start of the transaction. The chunks stay in the transaction's buffer, so the old root is still readable.
     */
    public void restoreWorkingRoot(Hash root, boolean wasDirty) {
        if (workingRoot == null) {
            return;
        }
        buffer.supersede(); // what was written after the savepoint is reached by nothing now
        deferred = java.util.List.of();
        if (root == null) {
            workingRoot = detached ? detachedWorking : startWorkingSet == null ? repo.readCommit(readOnlyCommit).root()
                    : startWorkingSet.working();
            stagedRoot = null;
            dirty = false;
        } else {
            workingRoot = root;
            dirty = wasDirty;
        }
    }

    /**
     * Replaces the transaction's snapshot root (its merge base at COMMIT) and working root after a locked row's
     * latest version was written into both (dev.scion.sql.lock.RowLocking); whether the transaction wrote
     * anything does not change.
     */
    public void replaceSnapshot(Hash base, Hash working) {
        startWorkingSet = startWorkingSet.withWorking(base);
        deferred = java.util.List.of(); // the working root passed in was read with them built
        buffer.supersede(); // the working root it replaces was written to the buffer by an earlier statement
        workingRoot = working;
        lastWritten = null;
    }

    /**
     * The merge in progress as this transaction sees it: the one its snapshot holds, so that another session's
     * dolt_merge (which publishes its conflicts at once) stays out of a transaction that began before it; null when
     * there is none or off a branch.
     */
    public dev.scion.versioning.model.MergeState mergeState() {
        WorkingSet ws = startWorkingSet();
        return ws == null ? null : ws.mergeState();
    }

    /**
     * After this session published a change to the merge state itself (resolving conflicts or violations through
     * their system tables writes the branch's working set at once), the transaction sees the merge state as it is
     * now, so that its own resolutions show.
     */
    public void adoptPublishedMergeState() {
        if (workingRoot == null || startWorkingSet == null) {
            return;
        }
        WorkingSet start = startWorkingSet; // the pin reports its roots later: from this value, not the field's
        LiveRoots.Pin<dev.scion.versioning.model.MergeState> pin = repo.liveRoots().pin(
                () -> repo.workingSet(branch).mergeState(),
                (m, sink) -> WorkingSetRoots.report(start.withMergeState(m), sink));
        if (adoptedMergePin != null) {
            adoptedMergePin.close();
        }
        adoptedMergePin = pin;
        startWorkingSet = startWorkingSet.withMergeState(pin.value());
    }

    /** Forgets the transaction (after commit or rollback). */
    public void endTransaction() {
        if (snapshotPin != null) {
            snapshotPin.close();
            snapshotPin = null;
        }
        if (adoptedMergePin != null) {
            adoptedMergePin.close();
            adoptedMergePin = null;
        }
        workingRoot = null;
        deferred = java.util.List.of();
        stagedRoot = null;
        lastWritten = null;
        startWorkingSet = null;
        startHead = null;
        buffer = null;
        dirty = false;
        idsUsed = null;
    }

    /** Notes an auto-increment id this transaction generated or inserted, for {@link #idsCommitted}. */
    public void usedId(AutoIncrementCounters.Counter counter, long id) {
        if (idsUsed == null) {
            idsUsed = new java.util.HashMap<>(2);
        }
        idsUsed.merge(counter, id, dev.scion.versioning.model.AutoIncrementValue::larger);
    }

    /** After a successful commit: the ids this transaction used are committed (see {@link AutoIncrementCounters}). */
    public void idsCommitted() {
        if (idsUsed != null) {
            idsUsed.forEach((counter, id) ->
                    counter.committedAtLeast(dev.scion.versioning.model.AutoIncrementValue.after(id)));
            idsUsed = null;
        }
    }

    /**
     * True after this session's dolt_merge left conflicts it may not commit: a SQL COMMIT is refused until they are
     * resolved (or the session allows committing conflicts).
     */
    public boolean mergeConflictsPending() {
        return mergeConflictsPending;
    }

    public void setMergeConflictsPending(boolean pending) {
        this.mergeConflictsPending = pending;
    }

    /**
     * Whether this binding names a branch that no longer exists (deleted by another session) while no transaction
     * is open on it. A ref-cache read, so cheap enough to ask before each statement.
     */
    public boolean branchDeleted() {
        return branch != null && !detached && workingRoot == null && repo.branchHead(branch).isEmpty();
    }

    /** Rebinds to another branch; only valid outside a dirty transaction. */
    public void switchBranch(String newBranch) {
        endTransaction();
        releaseDetachedHead();
        this.branch = newBranch;
        this.readOnlyCommit = null;
        this.detached = false;
        this.detachedWorking = null;
        this.detachedBuffer = null;
    }

    /** Ends the binding (the session closes): rolls back and lets a detached HEAD go. */
    public void release() {
        endTransaction();
        releaseDetachedHead();
    }

    private void releaseDetachedHead() {
        if (detachedPin != null) {
            detachedPin.close();
            detachedPin = null;
        }
    }
}
