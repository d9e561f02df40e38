package dev.scion.sql.dolt;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.VerifyConstraintsOp;

import java.util.List;
import java.util.Set;

/**
 * dolt_verify_constraints(['--all'] ['--output-only'] [tables...]): checks foreign keys and unique indexes of the
 * working set (the changed tables, or all with --all) and records violations in dolt_constraint_violations
 * unless --output-only. Returns violations = 1 when any were found, else 0.
 */
final class DoltVerifyConstraints {
    private DoltVerifyConstraints() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_verify_constraints", args, Set.of());
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_verify_constraints");
        VerifyConstraintsOp.Result r = VerifyConstraintsOp.run(ctx, p.positional(), p.has("a", "all"),
                !p.has("o", "output-only"));
        return ProcedureSupport.row(List.of("violations"), r.count() > 0 ? 1L : 0L);
    }
}
