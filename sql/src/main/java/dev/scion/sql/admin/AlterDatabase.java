package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;

/**
 * ALTER DATABASE [name] options: changes the database's default character set and collation, which tables created
 * afterwards inherit; existing tables keep theirs (as in MySQL). Without a name it alters the current database.
 * The collation is versioned with the branch's tables ({@link dev.scion.sql.catalog.DatabaseCollation}): the change
 * is written to the transaction's working root and published at COMMIT like a table's.
 */
final class AlterDatabase implements AdminStatement {
    private final String name;
    private final DatabaseOptions options;

    AlterDatabase(String name, DatabaseOptions options) {
        this.name = name;
        this.options = options;
    }

    @Override
    public StatementResult execute(Session session) {
        ServerReadOnly.refuseWrite(session);
        String target = name != null ? name : session.currentDatabase();
        if (target == null) {
            throw new SqlError(ErrorCode.NO_DB_SELECTED, "No database selected");
        }
        dev.scion.sql.privilege.AccessChecks.requireDatabase(session, dev.scion.sql.privilege.Privilege.ALTER,
                target);
        DatabaseState db = session.database(target);
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        if (options.isEmpty()) {
            return StatementResult.Update.of(1);
        }
        dev.scion.sql.catalog.DatabaseCollation.set(db,
                options.resolve(dev.scion.sql.catalog.DatabaseCollation.of(db)));
        return StatementResult.Update.of(1);
    }
}
