package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** SHOW [FULL] TABLES [FROM db] [AS OF revision] [LIKE | WHERE]. */
final class ShowTables implements AdminStatement {
    private final boolean full;
    private final String database;
    /** The revision of {@code AS OF} as written, or null for the database as the session sees it. */
    private final String asOf;
    private final ShowFilter filter;

    ShowTables(boolean full, String database, String asOf, ShowFilter filter) {
        this.full = full;
        this.database = database;
        this.asOf = asOf;
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        if (asOf == null && dev.scion.sql.privilege.MysqlDatabase.serves(session, database)) {
            return mysqlTables(session);
        }
        DatabaseState named = database == null ? session.current() : session.database(database);
        DatabaseState db = asOf == null ? named : session.database(AsOfDatabase.of(session, database, asOf,
                "invalid ref spec", () -> new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.WRONG_ARGUMENTS,
                        "AS OF needs a revision, not NULL")));
        dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(session, db.databaseName());
        List<Object[]> rows = new ArrayList<>();
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>();
        // as in Dolt, its own versioned tables (dolt_ignore, dolt_docs, dolt_tests, dolt_query_catalog) are listed only
        // with @@dolt_show_system_tables, which also lists the fixed system tables; a user's dolt_x table stays listed
        boolean system = dev.scion.sql.session.TransactionCommitter.isOn(session, "dolt_show_system_tables");
        List<String> userTables = new ArrayList<>();
        for (String t : db.workingRoot().tables().keySet()) {
            if (!Views.isViewTable(t) && (system || dev.scion.versioning.ops.DoltTables.schema(t).isEmpty())) {
                all.put(t, "BASE TABLE");
                userTables.add(t);
            }
        }
        dev.scion.sql.dolt.NonlocalTables.names(session, db).forEach(t -> all.putIfAbsent(t, "BASE TABLE"));
        if (system) {
            dev.scion.sql.dolt.SystemTables.listedNames(userTables).forEach(t -> all.putIfAbsent(t, "SYSTEM VIEW"));
        }
        for (String v : Views.names(db)) {
            all.put(v, "VIEW");
        }
        all.keySet().removeIf(t -> !session.access().hasAnyOnTable(db.databaseName(), t));
        all.forEach((name, type) -> rows.add(full ? new Object[] {name, type} : new Object[] {name}));
        List<String> cols = new ArrayList<>();
        cols.add("Tables_in_" + named.name());
        if (full) {
            cols.add("Table_type");
        }
        return filter.result(session, cols, rows);
    }

    /** The tables of the {@code mysql} system database, all base tables as in MySQL. */
    private StatementResult mysqlTables(Session session) {
        String name = dev.scion.sql.privilege.MysqlDatabase.NAME;
        dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(session, name);
        List<Object[]> rows = new ArrayList<>();
        for (String t : new java.util.TreeSet<>(dev.scion.sql.privilege.MysqlDatabase.tableNames())) {
            rows.add(full ? new Object[] {t, "BASE TABLE"} : new Object[] {t});
        }
        List<String> cols = new ArrayList<>(List.of("Tables_in_" + name));
        if (full) {
            cols.add("Table_type");
        }
        return filter.result(session, cols, rows);
    }
}
