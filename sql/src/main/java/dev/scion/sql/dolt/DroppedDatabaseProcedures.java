package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;

/**
 * dolt_undrop(db) and dolt_purge_dropped_databases(): DROP DATABASE only moves a database to the data directory's
 * trash, so that dropping is as reversible as any other change; these two bring one back or empty the trash.
 */
final class DroppedDatabaseProcedures {
    private DroppedDatabaseProcedures() {
    }

    /** Restores the latest dropped database of that name with its whole history; status 0. */
    static long undrop(Session session, List<String> args) {
        DataDirectory dir = session.engine().dataDirectory();
        if (args.size() != 1 || args.get(0) == null || args.get(0).isBlank()) {
            List<String> dropped = dir.droppedNames();
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_undrop: name the database to restore; "
                    + "dropped databases: " + (dropped.isEmpty() ? "none" : String.join(", ", dropped)));
        }
        String name = args.get(0);
        try {
            dir.undrop(name);
        } catch (VersioningException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> new SqlError(ErrorCode.BAD_DB, e.getMessage(), e);
                case ALREADY_EXISTS -> new SqlError(ErrorCode.DB_CREATE_EXISTS, e.getMessage(), e);
                default -> new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
            };
        }
        return 0L;
    }

    /** Deletes every dropped database for good; status 0. */
    static long purge(Session session, List<String> args) {
        if (!args.isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_purge_dropped_databases takes no arguments");
        }
        session.engine().dataDirectory().purgeDropped();
        return 0L;
    }
}
