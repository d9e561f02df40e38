package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CleanOp;
import dev.scion.versioning.ops.RmOp;

import java.util.List;
import java.util.Set;

/** dolt_clean([--dry-run] [tables]) drops untracked tables; dolt_rm(tables) removes tables and stages that. */
final class DoltClean {
    private DoltClean() {
    }

    static StatementResult clean(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_clean", args, Set.of());
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_clean");
        CleanOp.run(ctx, p.positional(), p.has("dry-run"));
        return ProcedureSupport.status(0L);
    }

    static StatementResult rm(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_rm", args, Set.of());
        if (p.positional().isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "Nothing specified, nothing removed. Which tables should I remove?");
        }
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_rm");
        RmOp.run(ctx, p.positional(), p.has("cached"), p.has("f", "force"));
        return ProcedureSupport.status(0L);
    }
}
