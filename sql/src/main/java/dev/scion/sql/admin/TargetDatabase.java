package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/**
 * The database a statement on a named schema object (trigger, event, routine) acts on: the one its {@code db.name}
 * names, else the session's current one.
 */
public final class TargetDatabase {
    private TargetDatabase() {
    }

    /** The named database, or the current one when {@code name} is null (1046 when there is none). */
    public static DatabaseState of(Session session, String name) {
        return name != null ? session.database(name) : session.current();
    }

    /** The named database for a change: refused in a READ ONLY transaction and on a read-only database. */
    public static DatabaseState writable(Session session, String name) {
        if (session.isReadOnlyTransaction()) {
            throw new SqlError(ErrorCode.READ_ONLY_TRANSACTION, "Cannot execute statement in a READ ONLY transaction.");
        }
        DatabaseState db = session.database(name);
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        return db;
    }
}
