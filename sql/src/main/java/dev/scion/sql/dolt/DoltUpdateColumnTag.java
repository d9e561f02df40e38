package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.ops.ColumnTagOp;

import java.util.List;
import java.util.Set;

/** {@code dolt_update_column_tag(table, column, tag)}: status 0 once the working root's column has the tag. */
final class DoltUpdateColumnTag {
    private DoltUpdateColumnTag() {
    }

    static StatementResult call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_update_column_tag", args, Set.of());
        List<String> pos = p.positional();
        if (pos.size() != 3 || pos.contains(null)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "incorrect number of arguments: dolt_update_column_tag takes (table, column, tag)");
        }
        long tag;
        try {
            tag = Long.parseLong(pos.get(2).trim());
        } catch (NumberFormatException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "failed to parse tag: " + pos.get(2));
        }
        ColumnTagOp.run(ProcedureSupport.branch(session, "dolt_update_column_tag"), pos.get(0), pos.get(1), tag);
        return ProcedureSupport.status(0L);
    }
}
