package dev.scion.sql.dolt;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ResetOp;

import java.util.List;
import java.util.Set;

/** dolt_reset(['--soft'|'--hard'] [rev]) moves the branch head; dolt_reset(tables...) unstages tables. */
final class DoltReset {
    private DoltReset() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_reset", args, Set.of());
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_reset");
        List<String> pos = p.positional();
        boolean hard = p.has("hard");
        boolean soft = p.has("soft");
        if (!hard && !soft && !pos.isEmpty() && looksLikeTables(ctx, pos)) {
            ResetOp.tables(ctx, pos);
        } else {
            ResetOp.Mode mode = hard ? ResetOp.Mode.HARD : soft ? ResetOp.Mode.SOFT : ResetOp.Mode.MIXED;
            ResetOp.toRevision(ctx, pos.isEmpty() ? null : pos.get(0), mode);
        }
        ProcedureSupport.writable(session, "dolt_reset").setMergeConflictsPending(false);
        return ProcedureSupport.status(0L);
    }

    /** Without a mode flag the arguments are tables when each names a table in the working or staged root. */
    private static boolean looksLikeTables(BranchContext ctx, List<String> names) {
        var working = ctx.root(ctx.workingSet().working());
        var staged = ctx.root(ctx.workingSet().staged());
        return names.stream().allMatch(n -> working.table(n).isPresent() || staged.table(n).isPresent());
    }
}
