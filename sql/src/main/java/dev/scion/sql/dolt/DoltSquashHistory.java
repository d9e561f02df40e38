package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.SquashHistoryOp;

import java.util.List;
import java.util.Set;

/**
 * dolt_squash_history(['--message' | '-m', msg] [, '--first', rev]): folds the branch's history from rev (default:
 * the first commit after the initial one) up to HEAD into one commit (versioning {@link SquashHistoryOp}). Result:
 * the new commit's hash.
 */
final class DoltSquashHistory {
    private DoltSquashHistory() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_squash_history", args, Set.of("m", "message", "first"));
        String message = p.value("m", "message");
        if (message == null || message.isBlank()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_squash_history: a commit message is required (--message)");
        }
        DatabaseState s = ProcedureSupport.writable(session, "dolt_squash_history");
        String firstRev = p.value("first");
        Hash first = firstRev == null ? null : DiffSides.resolveCommit(session, s, firstRev);
        var ctx = ProcedureSupport.branch(session, "dolt_squash_history");
        Hash h = SquashHistoryOp.squash(ctx, first, message, ProcedureSupport.who(session));
        return ProcedureSupport.row(List.of("hash"), h.toString());
    }
}
