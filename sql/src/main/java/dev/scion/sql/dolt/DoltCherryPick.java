package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;

import java.util.List;
import java.util.Set;

/**
 * dolt_cherry_pick(rev) / ('--abort') and dolt_revert(rev...): apply one commit's change (or undo it) on the
 * session's branch. Result: hash, data_conflicts, schema_conflicts, constraint_violations.
 */
final class DoltCherryPick {
    static final List<String> COLUMNS = List.of("hash", "data_conflicts", "schema_conflicts",
            "constraint_violations");

    private DoltCherryPick() {
    }

    static StatementResult cherryPick(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_cherry_pick", args, Set.of("m", "mainline"));
        DatabaseState s = ProcedureSupport.writable(session, "dolt_cherry_pick");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_cherry_pick");
        if (p.has("abort")) {
            if (!ctx.workingSet().isMerging()) {
                throw new SqlError(ErrorCode.VERSIONING, "error: There is no cherry-pick merge to abort");
            }
            MergeOp.abort(ctx);
            s.setMergeConflictsPending(false);
            return ProcedureSupport.row(COLUMNS, "", 0L, 0L, 0L);
        }
        if (p.has("continue")) {
            return continuePick(session, s, ctx, "cherry-pick", !p.has(CommitVerification.SKIP));
        }
        ProcedureSupport.requireArgs(p.positional(), 1, "dolt_cherry_pick");
        String revision = p.positional().get(0);
        if (revision.isBlank()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error: cannot cherry-pick empty string");
        }
        DiffSides.resolveCommit(session, s, revision); // Dolt's messages for a missing branch or commit
        if (!ctx.workingSet().isMerging() && isDirty(ctx)) {
            throw new SqlError(ErrorCode.VERSIONING, "error: cannot cherry-pick with uncommitted changes");
        }
        var head = ctx.head();
        MergeOutcome out = PickOp.cherryPick(ctx, revision, mainline(p, "dolt_cherry_pick"),
                ProcedureSupport.who(session));
        if (out.kind() == MergeOutcome.Kind.COMMITTED && !p.has(CommitVerification.SKIP)) {
            var picked = ctx.resolve(revision);
            CommitVerification.undoIfFailing(session, s, ctx, head, out.commit(), null, "cherry-pick " + picked)
                    .ifPresent(f -> {
                        throw new SqlError(ErrorCode.VERSIONING, f); // left staged: --continue or --abort
                    });
        }
        return result(session, s, out);
    }

    static StatementResult revert(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_revert", args, Set.of("author", "m", "mainline"));
        DatabaseState s = ProcedureSupport.writable(session, "dolt_revert");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_revert");
        if (p.has("continue")) {
            return continuePick(session, s, ctx, "revert", !p.has(CommitVerification.SKIP));
        }
        if (p.has("abort")) {
            var ms = ctx.workingSet().mergeState();
            if (ms == null || ms.sourceSpec() == null || !ms.sourceSpec().startsWith("revert ")) {
                throw new SqlError(ErrorCode.VERSIONING, "error: There is no revert in progress");
            }
            MergeOp.abort(ctx);
            s.setMergeConflictsPending(false);
            return ProcedureSupport.row(COLUMNS, "", 0L, 0L, 0L);
        }
        ProcedureSupport.requireArgs(p.positional(), 1, "dolt_revert");
        // every revision names a commit of the history as it was before the first revert (HEAD~1 stays HEAD~1)
        List<dev.scion.storage.Hash> resolved = new java.util.ArrayList<>();
        for (String rev : p.positional()) {
            resolved.add(ctx.resolve(rev));
        }
        // Dolt reverts the oldest first, whatever order the arguments name them in
        resolved.sort(java.util.Comparator.comparingLong(h -> ctx.repo().readCommit(h).height()));
        List<String> commits = resolved.stream().map(Object::toString).distinct().toList();
        return revertSeries(session, s, ctx, commits, mainline(p, "dolt_revert"));
    }

    /**
     * Reverts the commits one after another, one commit each. At a conflict it stops; the commits still to revert
     * are kept after the stopped one in the merge state's source ("revert h1 h2 h3"), so that
     * dolt_revert('--continue') commits the resolved one and goes on with the rest.
     */
    private static StatementResult revertSeries(Session session, DatabaseState s, BranchContext ctx,
                                                List<String> commits, Integer mainline) {
        MergeOutcome last = null;
        for (int i = 0; i < commits.size(); i++) {
            try {
                last = PickOp.revert(ctx, commits.get(i), mainline, ProcedureSupport.who(session));
            } catch (dev.scion.versioning.repo.VersioningException e) {
                if (e.reason() == dev.scion.versioning.repo.VersioningException.Reason.DIRTY_WORKING_SET) {
                    throw new SqlError(ErrorCode.VERSIONING, "error: Your local changes would be overwritten by "
                            + "revert.\nhint: Please commit your changes before you revert.");
                }
                throw e;
            }
            if (last.kind() == MergeOutcome.Kind.CONFLICTS) {
                if (i + 1 < commits.size()) {
                    rememberRest(ctx, commits.subList(i + 1, commits.size()));
                }
                break;
            }
        }
        return result(session, s, last);
    }

    /** Appends the commits still to revert to the source of the merge state the stopped revert left. */
    private static void rememberRest(BranchContext ctx, List<String> rest) {
        var ws = ctx.workingSet();
        var ms = ws.mergeState();
        if (ms == null) {
            return;
        }
        var next = new dev.scion.versioning.model.MergeState(ms.source(),
                ms.sourceSpec() + " " + String.join(" ", rest), ms.preMergeWorking(), ms.preMergeStaged(), ms.tables());
        ctx.repo().updateWorkingSet(ctx.branch(), ws, ws.withMergeState(next), ctx.repo().newBuffer());
    }

    /**
     * ('--continue'): after the conflicts or violations a cherry-pick or revert stopped at are resolved and
     * staged, commits the staged root with the picked commit's message and author (a revert: "Revert ..."), as
     * the pick would have. While anything is unresolved, reports the counts and commits nothing.
     */
    private static StatementResult continuePick(Session session, DatabaseState s, BranchContext ctx, String what,
                                                boolean verify) {
        var ws = ctx.workingSet();
        var ms = ws.mergeState();
        if (ms == null || ms.sourceSpec() == null || !ms.sourceSpec().startsWith(what + " ")) {
            throw new SqlError(ErrorCode.VERSIONING, "error: There is no " + what + " in progress");
        }
        if (ms.hasUnresolved()) {
            return result(session, s, new MergeOutcome(MergeOutcome.Kind.CONFLICTS, null,
                    ms.tables().stream().filter(t -> !t.isResolved()).toList()));
        }
        var repo = ctx.repo();
        String[] series = ms.sourceSpec().substring(what.length() + 1).strip().split("\\s+");
        var picked = dev.scion.storage.Hash.parse(series[0]);
        var c = repo.readCommit(picked);
        var who = ProcedureSupport.who(session);
        String message = what.equals("revert") ? "Revert \"" + c.message().lines().findFirst().orElse("") + "\""
                : c.message();
        var head = ctx.head();
        if (verify) {
            CommitVerification.require(session, s, head, repo.readRoot(repo.chunks(), ws.staged()));
        }
        var next = new dev.scion.versioning.model.WorkingSet(ws.working(), ws.staged(), null, null);
        var h = repo.commit(ctx.branch(), head, ws, ws.staged(), List.of(),
                what.equals("revert") ? who : c.author(), who, message, next, repo.newBuffer());
        s.setMergeConflictsPending(false);
        if (series.length > 1) {
            // the rest of a multi-commit revert goes on from the new HEAD
            return revertSeries(session, s, ctx, List.of(series).subList(1, series.length), null);
        }
        return ProcedureSupport.row(COLUMNS, h.toString(), 0L, 0L, 0L);
    }

    private static boolean isDirty(BranchContext ctx) {
        return dev.scion.versioning.ops.UncommittedChanges.any(ctx);
    }

    /** git's -m / --mainline: which parent of a merge commit the change is taken against. */
    private static Integer mainline(ProcedureArgs p, String procedure) {
        String v = p.value("m", "mainline");
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, procedure + ": -m expects a parent number, not '" + v + "'");
        }
    }

    private static StatementResult result(Session session, DatabaseState s, MergeOutcome out) {
        if (out.kind() != MergeOutcome.Kind.CONFLICTS) {
            return ProcedureSupport.row(COLUMNS, out.commit() == null ? "" : out.commit().toString(), 0L, 0L, 0L);
        }
        long data = 0;
        long schema = 0;
        long violations = 0;
        for (TableConflicts t : out.conflicts()) {
            data += t.rowConflictCount();
            schema += t.schemaConflict() == null ? 0 : 1;
            violations += t.violationCount();
        }
        if (!ProcedureSupport.flag(session, "dolt_allow_commit_conflicts")
                && !ProcedureSupport.flag(session, "dolt_force_transaction_commit")) {
            s.setMergeConflictsPending(true);
        }
        return ProcedureSupport.row(COLUMNS, "", data, schema, violations);
    }
}
