package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** SHOW [FULL] TABLES [FROM db] [LIKE pattern]. */
final class ShowTables implements AdminStatement {
    private final boolean full;
    private final String database;
    private final String like;

    ShowTables(boolean full, String database, String like) {
        this.full = full;
        this.database = database;
        this.like = like;
    }

    @Override
    public StatementResult execute(Session session) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        List<Object[]> rows = new ArrayList<>();
        for (String t : db.workingRoot().tables().keySet()) {
            if (like == null || Identifiers.likePattern(like).matcher(t).matches()) {
                rows.add(full ? new Object[] {t, "BASE TABLE"} : new Object[] {t});
            }
        }
        List<ResultColumn> cols = new ArrayList<>();
        cols.add(ResultColumn.text("Tables_in_" + db.name()));
        if (full) {
            cols.add(ResultColumn.text("Table_type"));
        }
        return new StatementResult.Rows(cols, RowStream.of(rows));
    }
}
