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
        ProcedureArgs p = ProcedureArgs.parse("dolt_cherry_pick", args, Set.of());
        DatabaseState s = ProcedureSupport.writable(session, "dolt_cherry_pick");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_cherry_pick");
        if (p.has("abort")) {
            MergeOp.abort(ctx);
            s.setMergeConflictsPending(false);
            return ProcedureSupport.row(COLUMNS, "", 0L, 0L, 0L);
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
        return result(session, s, PickOp.cherryPick(ctx, revision, ProcedureSupport.who(session)));
    }

    static StatementResult revert(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_revert", args, Set.of("author"));
        DatabaseState s = ProcedureSupport.writable(session, "dolt_revert");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_revert");
        ProcedureSupport.requireArgs(p.positional(), 1, "dolt_revert");
        MergeOutcome last = null;
        for (String rev : p.positional()) {
            if (!ctx.workingSet().isMerging() && isDirty(ctx)) {
                throw new SqlError(ErrorCode.VERSIONING, "error: Your local changes would be overwritten by revert.\n"
                        + "hint: Please commit your changes before you revert.");
            }
            last = PickOp.revert(ctx, rev, ProcedureSupport.who(session));
            if (last.kind() == MergeOutcome.Kind.CONFLICTS) {
                break;
            }
        }
        return result(session, s, last);
    }

    private static boolean isDirty(BranchContext ctx) {
        var ws = ctx.workingSet();
        var headRoot = ctx.headCommit().root();
        return !ws.working().equals(headRoot) || !ws.staged().equals(headRoot);
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
