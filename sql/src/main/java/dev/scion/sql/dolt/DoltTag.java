package dev.scion.sql.dolt;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.TagOp;

import java.util.List;
import java.util.Set;

/** dolt_tag(name [, rev] [, '-m', msg] [, '--author', a]) creates a tag; dolt_tag('-d', name) deletes it. */
final class DoltTag {
    private DoltTag() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_tag", args, Set.of("m", "message", "author"));
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_tag");
        List<String> pos = p.positional();
        if (p.has("d", "delete")) {
            ProcedureSupport.requireArgs(pos, 1, "dolt_tag -d");
            for (String name : pos) {
                TagOp.delete(ctx, name);
            }
            return ProcedureSupport.status(0L);
        }
        ProcedureSupport.requireArgs(pos, 1, "dolt_tag");
        Signature who = ProcedureSupport.who(session);
        if (p.value("author") != null) {
            who = Signature.parse(p.value("author"), who.timeMillis());
        }
        String message = p.value("m", "message");
        TagOp.create(ctx, pos.get(0), pos.size() > 1 ? pos.get(1) : null, message == null ? "" : message, who,
                p.has("f", "force"));
        return ProcedureSupport.status(0L);
    }
}
