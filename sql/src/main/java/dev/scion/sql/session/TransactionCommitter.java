package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.WorkingSetCommitQueue;

import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;

import java.util.ArrayList;
import java.util.Arrays;
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
        session.commit();
        for (DatabaseState s : session.boundDatabases()) {
            s.setMergeConflictsPending(false);
        }
        if (isOn(session, "dolt_transaction_commit")) {
            for (DatabaseState s : written) {
                versionCommit(session, s);
            }
        }
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
        Signature who = session.engine().author(session).at(System.currentTimeMillis());
        try {
            CommitOp.run(ctx, CommitOptions.of("Transaction commit", who).withAll());
        } catch (VersioningException e) {
            if (e.reason() != VersioningException.Reason.NOTHING_TO_COMMIT) {
                throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
            }
        }
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
        WorkingSet start = s.startWorkingSet();
        Hash base = start.working();
        Hash mine = s.workingRootHash();
        // Fast path: nobody committed to the branch since our snapshot, so our root is installed as it is (a
        // compare-and-swap of the working-set ref). Otherwise our changes are merged onto what the others left.
        WorkingSetCommitQueue.Rebase rebase = (current, chunks) -> {
            if (current.equals(base)) {
                return mine;
            }
            requireNoWriteConflict(repo, chunks, base, current, mine);
            return merge(repo, chunks, base, current, mine);
        };
        try {
            repo.commitQueue(s.branch()).commit(s.buffer(), rebase);
        } catch (VersioningException e) {
            if (e.reason() == VersioningException.Reason.CONCURRENT_UPDATE) {
                throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try "
                        + "restarting transaction (branch '" + s.branch() + "' is too busy)", e);
            }
            throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
        }
    }

    /**
     * First committer wins per row: if a row this transaction changed was also changed by a transaction that
     * committed after our snapshot, the cell merge could silently keep only one of two read-modify-writes (both
     * {@code v = v + 1} from the same snapshot produce the same cell). Such a commit fails as a deadlock and the
     * statement is retried (autocommit) or the client retries the transaction. The check walks only our changes.
     */
    private static void requireNoWriteConflict(Repository repo, ChunkBuffer buffer, Hash base, Hash current,
                                               Hash mine) {
        RootValue b = repo.readRoot(buffer, base);
        RootValue c = repo.readRoot(buffer, current);
        RootValue m = repo.readRoot(buffer, mine);
        for (var e : m.tables().entrySet()) {
            var bh = b.table(e.getKey());
            var ch = c.table(e.getKey());
            if (bh.isEmpty() || ch.isEmpty() || bh.get().equals(e.getValue()) || ch.get().equals(bh.get())) {
                continue;
            }
            TableValue bt = repo.readTable(buffer, bh.get());
            TableValue ct = repo.readTable(buffer, ch.get());
            TableValue mt = repo.readTable(buffer, e.getValue());
            if (!bt.schema().equals(mt.schema()) || !bt.schema().equals(ct.schema())) {
                continue;
            }
            ProllyMap theirs = ProllyMap.load(buffer, ct.rows());
            var changes = ProllyMap.diff(ProllyMap.load(buffer, bt.rows()), ProllyMap.load(buffer, mt.rows()));
            while (changes.hasNext()) {
                DiffEntry d = changes.next();
                if (!Arrays.equals(theirs.get(d.key()), d.fromValue())) {
                    throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try "
                            + "restarting transaction (a row of table '" + e.getKey() + "' was changed by a "
                            + "concurrent commit)");
                }
            }
        }
    }

    private static Hash merge(Repository repo, ChunkBuffer buffer, Hash base, Hash ours, Hash theirs) {
        try {
            RootValue merged = new RootMerger(repo, buffer).merge(repo.readRoot(buffer, base),
                    repo.readRoot(buffer, ours), repo.readRoot(buffer, theirs));
            return merged.write(buffer);
        } catch (MergeConflictException e) {
            throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                    + "transaction (" + e.getMessage() + ")", e);
        }
    }
}
