package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ConflictsOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** dolt_conflicts_resolve('--ours'|'--theirs', table... | '.'): resolves whole tables to one side. */
final class DoltConflictsResolve {
    private DoltConflictsResolve() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_conflicts_resolve", args, Set.of());
        boolean ours = p.has("ours");
        boolean theirs = p.has("theirs");
        if (ours == theirs) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "dolt_conflicts_resolve: exactly one of --ours or --theirs is required");
        }
        ProcedureSupport.requireArgs(p.positional(), 1, "dolt_conflicts_resolve");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_conflicts_resolve");
        MergeState state = ConflictsOp.state(ctx);
        List<String> tables = new ArrayList<>();
        if (p.positional().contains(".")) {
            state.tables().stream().filter(t -> t.hasRowConflicts() || t.schemaConflict() != null)
                    .map(TableConflicts::table).forEach(tables::add);
        } else {
            tables.addAll(p.positional());
        }
        for (String t : tables) {
            ConflictsOp.resolve(ctx, t, ours ? ConflictsOp.Side.OURS : ConflictsOp.Side.THEIRS);
        }
        return ProcedureSupport.status(0L);
    }
}
