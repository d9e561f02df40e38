package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** SHOW [FULL] TABLES [FROM db] [LIKE | WHERE]. */
final class ShowTables implements AdminStatement {
    private final boolean full;
    private final String database;
    private final ShowFilter filter;

    ShowTables(boolean full, String database, ShowFilter filter) {
        this.full = full;
        this.database = database;
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        List<Object[]> rows = new ArrayList<>();
        for (String t : db.workingRoot().tables().keySet()) {
            rows.add(full ? new Object[] {t, "BASE TABLE"} : new Object[] {t});
        }
        List<String> cols = new ArrayList<>();
        cols.add("Tables_in_" + db.name());
        if (full) {
            cols.add("Table_type");
        }
        return filter.result(session, cols, rows);
    }
}
