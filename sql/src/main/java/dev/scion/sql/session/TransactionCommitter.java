package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.sql.dolt.SqlRowConstraintChecker;
import dev.scion.versioning.merge.CheckConstraintScan;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.merge.RowConstraintChecker;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.WorkingSetCommitQueue;


import java.util.ArrayList;
import java.util.List;
import dev.scion.versioning.repo.VersioningException;

/**
 * Publishes a transaction's working root to its branch through the branch's {@link WorkingSetCommitQueue}, which
 * writes concurrent commits together with one sync. If the branch's working set moved since the transaction began,
 * the two are merged (base = the snapshot the transaction started from) after a first-committer-wins row check.
 */
public final class TransactionCommitter {
    /**
     * A SQL COMMIT statement. Refused (the transaction stays open) while a dolt_merge of this session left conflicts
     * that the session may not commit; with {@code @@dolt_transaction_commit} every database the transaction wrote
     * also gets a version commit.
     */
    public void sqlCommit(Session session) {
        boolean allowConflicts = isOn(session, "dolt_allow_commit_conflicts")
                || isOn(session, "dolt_force_transaction_commit");
        List<DatabaseState> written = new ArrayList<>();
        for (DatabaseState s : session.boundDatabases()) {
            if (s.mergeConflictsPending() && !allowConflicts && hasUnresolvedConflicts(s)) {
                throw new SqlError(ErrorCode.VERSIONING, "Merge conflicts remain in database '" + s.name()
                        + "': resolve them through the dolt_conflicts tables (or set @@dolt_allow_commit_conflicts"
                        + " = 1) before COMMIT");
            }
            if (s.isDirty() && !s.isReadOnly()) {
                written.add(s);
            }
        }
        if (!allowConflicts) {
            for (DatabaseState s : written) {
                refuseOverUnresolvedConflicts(session, s);
            }
        }
        boolean versionCommit = isOn(session, "dolt_transaction_commit");
        if (versionCommit) {
            requireCurrentBranchWritten(session, written);
        }
        session.commit();
        for (DatabaseState s : session.boundDatabases()) {
            s.setMergeConflictsPending(false);
        }
        if (versionCommit) {
            for (DatabaseState s : written) {
                versionCommit(session, s);
            }
        }
    }

    /**
     * A transaction that began on a working set holding unresolved conflicts (a merge some session committed with
     * {@code @@dolt_allow_commit_conflicts}) may not publish changes next to them, as in Dolt: if another session
     * changed the branch's data since, the two cannot be merged over the conflicts and the transaction is rolled
     * back (1213, retry it); otherwise COMMIT is refused while they remain and the transaction stays open to
     * resolve them. Conflicts this session's own merge left are refused earlier, in {@link #sqlCommit}. Only
     * the snapshot is looked at first, so a COMMIT on a branch without conflicts reads nothing more.
     */
    private static void refuseOverUnresolvedConflicts(Session session, DatabaseState s) {
        if (s.isDetached() || s.branch() == null) {
            return;
        }
        WorkingSet start = s.startWorkingSet();
        if (start == null || start.mergeState() == null || !start.mergeState().hasUnresolved()) {
            return;
        }
        WorkingSet current = s.repo().workingSet(s.branch());
        if (current.mergeState() == null || !current.mergeState().hasUnresolved()) {
            return; // resolved meanwhile (conflict-table DELETEs publish at once)
        }
        if (!current.working().equals(start.working())) {
            session.rollback();
            throw new SqlError(ErrorCode.LOCK_DEADLOCK, "serialization failure: this transaction conflicts with a "
                    + "committed transaction from another client, try restarting transaction");
        }
        throw new SqlError(ErrorCode.VERSIONING, "Merge conflicts remain in database '" + s.name() + "': resolve "
                + "them through the dolt_conflicts tables (or set @@dolt_allow_commit_conflicts = 1) before COMMIT");
    }

    /**
     * With {@code @@dolt_transaction_commit}, Dolt's transaction commit is a version commit of the session's current
     * branch. A transaction that wrote only other branches or databases has nothing to commit there: Dolt refuses it
     * and the transaction stays open, so that USE of the written revision followed by COMMIT publishes it.
     */
    private static void requireCurrentBranchWritten(Session session, List<DatabaseState> written) {
        if (written.isEmpty() || session.currentDatabase() == null) {
            return;
        }
        DatabaseState current = session.current();
        for (DatabaseState s : written) {
            if (s == current || (s.repo() == current.repo() && s.branch() != null
                    && s.branch().equals(current.branch()))) {
                return;
            }
        }
        boolean sameDatabase = written.stream().anyMatch(s -> s.repo() == current.repo());
        throw new SqlError(ErrorCode.VERSIONING, sameDatabase
                ? "no changes to dolt_commit on branch " + current.branch()
                : "no changes to dolt_commit on database " + current.databaseName());
    }

    /** A SQL ROLLBACK: also undoes a merge this session started in the transaction and left with conflicts. */
    public void sqlRollback(Session session) {
        session.rollback();
        for (DatabaseState s : session.boundDatabases()) {
            if (s.mergeConflictsPending() && hasUnresolvedConflicts(s)) {
                MergeOp.abort(new BranchContext(s.repo(), s.branch()));
            }
            s.setMergeConflictsPending(false);
        }
    }

    private static boolean hasUnresolvedConflicts(DatabaseState s) {
        if (s.isReadOnly()) {
            return false;
        }
        WorkingSet ws = s.repo().workingSet(s.branch());
        return ws.mergeState() != null && ws.mergeState().hasUnresolved();
    }

    private static void versionCommit(Session session, DatabaseState s) {
        BranchContext ctx = new BranchContext(s.repo(), s.branch());
        Signature who = dev.scion.sql.dolt.Procedures.sessionCommitter(session);
        try {
            CommitOp.run(ctx, CommitOptions.of(transactionCommitMessage(session), who).withAll());
        } catch (VersioningException e) {
            if (e.reason() != VersioningException.Reason.NOTHING_TO_COMMIT) {
                throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
            }
        }
    }

    /** @@dolt_transaction_commit_message when set, else Dolt's default message. */
    private static String transactionCommitMessage(Session session) {
        Object m = session.hasVariable("dolt_transaction_commit_message")
                ? session.variable("dolt_transaction_commit_message") : null;
        return m == null || m.toString().isBlank() ? "Transaction commit" : m.toString();
    }

    public static boolean isOn(Session session, String variable) {
        if (!session.hasVariable(variable)) {
            return false;
        }
        Object v = session.variable(variable);
        String t = v == null ? "" : v.toString().trim();
        return t.equals("1") || t.equalsIgnoreCase("ON") || t.equalsIgnoreCase("true");
    }

    public void commit(Session session, DatabaseState s) {
        commit(session, s, () -> { });
    }

    /**
     * Publishes {@code s}'s transaction and runs {@code ordered} once its place on the branch is fixed, before the
     * sync that makes it durable (see {@link WorkingSetCommitQueue#commit(ChunkBuffer, WorkingSetCommitQueue.Rebase,
     * Runnable)}); returns once it is durable. {@code ordered} is not run when nothing is published or the commit
     * fails.
     */
    public void commit(Session session, DatabaseState s, Runnable ordered) {
        if (s.isDetached()) {
            // a detached head publishes nothing: the session keeps its working root until COMMIT() records it
            s.keepDetachedWorking();
            return;
        }
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + s.name() + "' is read-only");
        }
        ServerReadOnly.refuseWrite(session);
        Repository repo = s.repo();
        // a transaction of deferred one-row writes alone never builds its root: they are replayed onto the branch
        DeferredRowsRebase replay = DeferredRowsRebase.of(session, s);
        WorkingSetCommitQueue.Rebase rebase = replay != null ? replay : rebase(session, s);
        if (replay != null) {
            // the working set the queue last wrote stands for the branch's (the build only guesses which tables
            // nobody changed since the snapshot; the queue's rebase checks each), saving a read of the ref
            WorkingSet last = repo.commitQueue(s.branch()).lastWritten();
            replay.prebuild(s.buffer(), last != null ? last : repo.workingSet(s.branch()));
        }
        try {
            repo.commitQueue(s.branch()).commit(s.buffer(), rebase, ordered);
            s.idsCommitted();
            if (replay != null) {
                replay.committed(s);
            }
        } catch (VersioningException e) {
            if (e.reason() == VersioningException.Reason.CONCURRENT_UPDATE) {
                throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try "
                        + "restarting transaction (branch '" + s.branch() + "' is too busy)", e);
            }
            throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
        }
    }

    /**
     * Places the transaction's working root: as it is when nobody committed to the branch since its snapshot (a
     * compare-and-swap of the working-set ref), else merged onto what the others left.
     */
    private static WorkingSetCommitQueue.Rebase rebase(Session session, DatabaseState s) {
        Repository repo = s.repo();
        WorkingSet start = s.startWorkingSet();
        Hash base = start.working();
        Hash mine = s.workingRootHash();
        Hash baseStaged = start.staged();
        Hash myStaged = s.changedStagedRoot();
        return (current, chunks) -> {
            WorkingSet next = current.working().equals(base) ? current.withWorking(mine)
                    : merge(session, repo, chunks, base, current, mine);
            return myStaged == null ? next : next.withStaged(mergeStaged(repo, chunks, baseStaged, current, myStaged));
        };
    }

    /**
     * The three-way merge of a transaction onto the working set others left. First committer wins per row: a row
     * this transaction changed that a commit since its snapshot also changed fails the commit, even when the cells
     * would merge (both {@code v = v + 1} from one snapshot produce the same cell); the merge replays only this
     * transaction's row changes onto the current root, so that check costs nothing extra. Row conflicts, unique
     * keys and foreign keys fail it as a deadlock (an autocommit statement is retried and then meets the real error, 1062 or
     * 1452, on the fresh snapshot). CHECK constraints are evaluated on the rows the merge changed (a check added by
     * one side meets the other side's rows); a violation refuses the commit with Dolt's error, or, with
     * {@code @@dolt_force_transaction_commit}, is committed and recorded in the working set, where
     * dolt_constraint_violations shows it.
     */
    static WorkingSet merge(Session session, Repository repo, ChunkBuffer buffer, Hash base,
                                    WorkingSet current, Hash mine) {
        RootValue b = repo.readRoot(buffer, base);
        RootValue ours = repo.readRoot(buffer, current.working());
        RootValue theirs = repo.readRoot(buffer, mine);
        RootValue.Written merged;
        try {
            // ours' foreign-key index (cached per root) lets the merge check only the tables it can affect
            merged = RootMerger.forTransactionCommit(repo, buffer, RowConstraintChecker.NONE)
                    .knowingOurForeignKeys(repo.foreignKeys(buffer, current.working()))
                    .merge(b, ours, theirs).writeAndKeep(buffer);
        } catch (MergeConflictException e) {
            throw conflict(e);
        }
        SqlRowConstraintChecker checker = new SqlRowConstraintChecker(session);
        List<String> violating = checkViolations(repo, buffer, checker, merged.root(), ours);
        if (violating.isEmpty()) {
            return current.withWorking(merged.address());
        }
        if (!isOn(session, "dolt_force_transaction_commit")) {
            throw new SqlError(ErrorCode.VERSIONING, CONSTRAINT_VIOLATIONS + "\nConstraint violations: "
                    + String.join(", ", violating));
        }
        // forced: the same merge again, this time recording the failing rows in the tables' violation maps
        RootMerger.Result r = RootMerger.forTransactionCommit(repo, buffer, checker).mergeWithConflicts(b, ours,
                theirs);
        MergeState state = current.mergeState() != null ? current.mergeState()
                : new MergeState(null, "transaction commit", current.working(), current.staged(), List.of());
        for (TableConflicts t : r.conflicts()) {
            TableConflicts had = state.table(t.table()).orElse(null);
            state = state.withTable(t.table(), had == null ? t : new TableConflicts(had.table(), had.base(),
                    had.ours(), had.theirs(), had.rowConflicts(), had.rowConflictCount(), t.violations(),
                    t.violationCount(), had.schemaConflict()));
        }
        return current.withWorking(r.root().write(buffer)).withMergeState(state);
    }

    /** A transaction commit's merge failure as the client sees it: a deadlock, to retry the transaction. */
    static SqlError conflict(MergeConflictException e) {
        return new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                + "transaction (" + e.getMessage() + ")", e);
    }

    /**
     * The staged root after COMMIT when this transaction staged something: its own staged root when nobody else
     * staged since its snapshot, else the three-way merge of the two staged roots (base = the snapshot's), as Dolt
     * merges a transaction's staged root like its working root. Both staging the same cell differently is a
     * conflict, which fails the commit as a deadlock.
     */
    private static Hash mergeStaged(Repository repo, ChunkBuffer buffer, Hash base, WorkingSet current, Hash mine) {
        if (current.staged().equals(base)) {
            return mine;
        }
        try {
            // a cell merge, not the strict row check: staging copies rows others may have staged the same way
            return new RootMerger(repo, buffer).merge(repo.readRoot(buffer, base), repo.readRoot(buffer, current.staged()),
                            repo.readRoot(buffer, mine)).write(buffer);
        } catch (MergeConflictException e) {
            throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                    + "transaction (staged changes: " + e.getMessage() + ")", e);
        }
    }

    /** Dolt's words for a transaction commit whose merge leaves constraint violations. */
    public static final String CONSTRAINT_VIOLATIONS = "Committing this transaction resulted in a working set with "
            + "constraint violations, transaction rolled back. This constraint violation may be the result of a "
            + "previous merge or the result of transaction sequencing. Constraint violations from a merge can be "
            + "resolved using the dolt_constraint_violations table before committing the transaction. To allow "
            + "transactions to be committed with constraint violations from a merge or transaction sequencing set "
            + "@@dolt_force_transaction_commit=1.";

    /**
     * "table (n row(s) fail check constraint ...)" for each table whose changed rows fail a CHECK constraint. Only
     * the tables that differ from ours are looked at (a diff of the two table maps, {@code merged} being stored),
     * not every table of the database.
     */
    static List<String> checkViolations(Repository repo, ChunkBuffer buffer, SqlRowConstraintChecker checker,
                                                RootValue merged, RootValue ours) {
        List<String> out = new ArrayList<>();
        if (merged.equals(ours)) {
            return out;
        }
        CheckConstraintScan scan = new CheckConstraintScan(repo, buffer, checker);
        for (String name : new java.util.TreeSet<>(merged.changedTablesSince(ours))) {
            if (!merged.hasTable(name)) {
                continue; // dropped: no rows left to check
            }
            var found = scan.checkChanges(name, merged, ours);
            if (!found.isEmpty()) {
                out.add(name + " (" + found.size() + " row(s): " + found.values().iterator().next() + ")");
            }
        }
        return out;
    }
}
