package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SHOW TABLE STATUS [FROM db] [LIKE | WHERE]. Sizes and row counts are not tracked per table (a prolly tree's
 * size is not kept in its root), so they are reported as 0 like InnoDB's estimates on an empty table.
 */
final class ShowTableStatus implements AdminStatement {
    private static final List<String> COLUMNS = List.of("Name", "Engine", "Version", "Row_format", "Rows",
            "Avg_row_length", "Data_length", "Max_data_length", "Index_length", "Data_free", "Auto_increment",
            "Create_time", "Update_time", "Check_time", "Collation", "Checksum", "Create_options", "Comment");

    private final String database;
    private final ShowFilter filter;

    ShowTableStatus(String database, ShowFilter filter) {
        this.database = database;
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        List<Object[]> rows = new ArrayList<>();
        dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(session, db.databaseName());
        for (Map.Entry<String, dev.scion.storage.Hash> e : db.workingRoot().tables().entrySet()) {
            if (!session.access().hasAnyOnTable(db.databaseName(), e.getKey())) {
                continue;
            }
            TableValue tv = db.repo().readTable(db.buffer(), e.getValue());
            Number ai = tv.schema().autoIncrementColumn().isPresent()
                ? dev.scion.versioning.model.AutoIncrementValue.asNumber(
                        dev.scion.versioning.model.AutoIncrementValue.larger(1, tv.autoIncrement())) : null;
            rows.add(new Object[] {e.getKey(), "InnoDB", 10L, "Dynamic",
                dev.scion.sql.catalog.TableRowCount.of(db, tv), 0L, 0L, 0L, 0L, 0L, ai, null, null,
                null, dev.scion.sql.catalog.Collations.effective(tv.schema().collation()), null, "",
                tv.schema().comment() == null ? "" : tv.schema().comment()});
        }
        return filter.result(session, COLUMNS, rows);
    }
}
