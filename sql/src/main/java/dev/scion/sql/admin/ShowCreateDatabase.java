package dev.scion.sql.admin;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** SHOW CREATE {DATABASE | SCHEMA} [IF NOT EXISTS] db. */
final class ShowCreateDatabase implements AdminStatement {
    private final String name;
    private final boolean ifNotExists;

    ShowCreateDatabase(String name, boolean ifNotExists) {
        this.name = name;
        this.ifNotExists = ifNotExists;
    }

    @Override
    public StatementResult execute(Session session) {
        // like SHOW TABLES: some privilege on the database, checked before its existence so names cannot be probed
        if (!dev.scion.sql.catalog.InformationSchema.isName(name)) {
            dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(session, name);
        }
        DatabaseState db = session.database(name);
        String collation = dev.scion.sql.catalog.DatabaseCollation.of(db);
        String ddl = "CREATE DATABASE " + (ifNotExists ? "/*!32312 IF NOT EXISTS*/ " : "") + "`" + db.name()
                + "` /*!40100 DEFAULT CHARACTER SET " + dev.scion.sql.catalog.Collations.charsetOf(collation)
                + " COLLATE " + dev.scion.sql.catalog.Collations.effective(collation)
                + " */ /*!80016 DEFAULT ENCRYPTION='N' */";
        return ShowFilter.NONE.result(session, List.of("Database", "Create Database"),
                List.<Object[]>of(new Object[] {db.name(), ddl}));
    }
}
