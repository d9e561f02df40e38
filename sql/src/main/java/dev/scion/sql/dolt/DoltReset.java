package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ResetOp;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Set;

/**
 * dolt_reset(['--soft'|'--hard'] [rev]) moves the branch head; dolt_reset(tables...) unstages tables.
 *
 * <p>Revisions are read from the HEAD the session's transaction began at. A reset that leaves the head where it
 * is (the usual {@code dolt_reset('--hard')}, or unstaging tables) only changes the transaction's own working and
 * staged roots, which COMMIT merges like any write; one that moves the head first commits the transaction, and is
 * refused with 1213 when another session moved the branch since the transaction began, as the amend is.
 */
final class DoltReset {
    private DoltReset() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_reset", args, Set.of());
        DatabaseState s = ProcedureSupport.writable(session, "dolt_reset");
        List<String> pos = p.positional();
        boolean hard = p.has("hard");
        boolean soft = p.has("soft");
        ResetOp.Mode mode = hard ? ResetOp.Mode.HARD : soft ? ResetOp.Mode.SOFT : ResetOp.Mode.MIXED;
        if (s.isDetached() || mergeInProgress(s)) {
            // the reset also ends the merge recorded in the shared working set: done there, as before
            shared(session, pos, hard, soft, mode);
        } else {
            Hash seen = session.headOf(s);
            if (!hard && !soft && !pos.isEmpty() && looksLikeTables(s, pos)) {
                unstage(s, seen, pos);
            } else {
                Hash target = pos.isEmpty() ? seen : resolve(s, pos.get(0), seen);
                if (target.equals(seen)) {
                    resetInTransaction(s, seen, mode);
                } else {
                    requireHeadUnmoved(session, s, seen);
                    ResetOp.toRevision(ProcedureSupport.branch(session, "dolt_reset"), target.toString(), mode);
                }
            }
        }
        s.setMergeConflictsPending(false);
        return ProcedureSupport.status(0L);
    }

    private static boolean mergeInProgress(DatabaseState s) {
        return s.repo().workingSet(s.branch()).isMerging();
    }

    private static void shared(Session session, List<String> pos, boolean hard, boolean soft, ResetOp.Mode mode) {
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_reset");
        if (!hard && !soft && !pos.isEmpty() && pos.stream().allMatch(n -> {
            var ws = ctx.workingSet();
            return ctx.root(ws.working()).table(n).isPresent() || ctx.root(ws.staged()).table(n).isPresent();
        })) {
            ResetOp.tables(ctx, pos);
        } else {
            ResetOp.toRevision(ctx, pos.isEmpty() ? null : pos.get(0), mode);
        }
    }

    private static Hash resolve(DatabaseState s, String revision, Hash seen) {
        return new RevisionResolver(s.repo()).resolve(revision, seen).map(RevisionResolver.Resolved::commit)
                .orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "fatal: bad revision '" + revision + "'"));
    }

    /** Reset to the HEAD the transaction saw: soft keeps both roots, mixed unstages all, hard discards all. */
    private static void resetInTransaction(DatabaseState s, Hash seen, ResetOp.Mode mode) {
        if (mode == ResetOp.Mode.SOFT) {
            return;
        }
        Hash headRoot = s.repo().readCommit(seen).root();
        if (mode == ResetOp.Mode.HARD) {
            s.setWorkingRoot(s.repo().readRoot(s.buffer(), headRoot));
        }
        s.setStagedRoot(headRoot);
    }

    /** Unstages tables in the transaction: each goes back to its version at the HEAD the transaction saw. */
    private static void unstage(DatabaseState s, Hash seen, List<String> tables) {
        var buffer = s.buffer();
        RootValue head = s.repo().readRoot(buffer, s.repo().readCommit(seen).root());
        RootValue staged = ResetOp.unstaged(head, s.repo().readRoot(buffer, s.stagedRootHash()), tables);
        s.setStagedRoot(staged.write(buffer));
    }

    /**
     * Moving the head replaces the head this transaction saw: when another session moved the branch meanwhile,
     * the reset would be computed from a head that is gone, so it is refused and the transaction rolled back.
     */
    private static void requireHeadUnmoved(Session session, DatabaseState s, Hash seen) {
        if (!s.repo().branchHead(s.branch()).map(seen::equals).orElse(false)) {
            session.rollback();
            throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                    + "transaction (branch '" + s.branch() + "' moved since the transaction began: dolt_reset "
                    + "would move a head it has not seen)");
        }
    }

    /** Without a mode flag the arguments are tables when each names a table in the working or staged root. */
    private static boolean looksLikeTables(DatabaseState s, List<String> names) {
        RootValue working = s.workingRoot();
        RootValue staged = s.repo().readRoot(s.buffer(), s.stagedRootHash());
        return names.stream().allMatch(n -> working.table(n).isPresent() || staged.table(n).isPresent());
    }
}
