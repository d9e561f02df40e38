package dev.scion.sql.privilege;

import dev.scion.sql.catalog.InfoSchemaTable;
import dev.scion.sql.dolt.SystemTable;
import dev.scion.sql.plan.SystemTableAdapter;
import dev.scion.sql.session.Session;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code mysql} system database: the grant tables {@code user}, {@code db}, {@code tables_priv} and
 * {@code procs_priv} computed
 * from the {@link AccountCatalog}, with MySQL's column names (a subset of MySQL 8.0's columns). Read-only; the
 * account statements change the catalog. Reading needs SELECT on the table (or on mysql.*, or globally).
 */
public final class MysqlDatabase extends AbstractSchema {
    public static final String NAME = "mysql";

    private static final List<Privilege> GLOBAL_COLUMNS = List.of(Privilege.values());
    private static final List<Privilege> DB_COLUMNS = List.of(Privilege.values()).stream()
            .filter(p -> p.grantableAt(Privilege.Level.DATABASE)).toList();

    private static final List<SystemTable> TABLES = List.of(
            table("user", MysqlDatabase::userRows, t -> t.text("Host", "User")
                    .text(GLOBAL_COLUMNS.stream().map(Privilege::column).toArray(String[]::new))
                    .text("plugin", "authentication_string", "password_expired", "account_locked")),
            table("db", MysqlDatabase::dbRows, t -> t.text("Host", "Db", "User")
                    .text(DB_COLUMNS.stream().map(Privilege::column).toArray(String[]::new))),
            table("tables_priv", MysqlDatabase::tablesPrivRows, t -> t.text("Host", "Db", "User", "Table_name",
                    "Grantor").timestamp("Timestamp").text("Table_priv", "Column_priv")),
            table("procs_priv", MysqlDatabase::procsPrivRows, t -> t.text("Host", "Db", "User", "Routine_name",
                    "Routine_type", "Grantor", "Proc_priv").timestamp("Timestamp")));

    private static SystemTable table(String name, Function<Session, List<Object[]>> rows,
                                     Function<InfoSchemaTable, InfoSchemaTable> columns) {
        return columns.apply(new InfoSchemaTable(name, session -> {
            AccessChecks.requireTable(session, Privilege.SELECT, NAME, name);
            return rows.apply(session);
        }));
    }

    public static boolean isName(String name) {
        return NAME.equalsIgnoreCase(name);
    }

    /**
     * Whether {@code database} (null: the session's current one) is this system database: it is named mysql and
     * no database of that name is in the data directory.
     */
    public static boolean serves(Session session, String database) {
        String name = database == null ? session.currentDatabase() : database;
        return isName(name) && session.findDatabase(name).isEmpty();
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new LinkedHashMap<>();
        for (SystemTable t : TABLES) {
            map.put(t.name(), new SystemTableAdapter(null, t));
        }
        return map;
    }

    public static Set<String> tableNames() {
        return Set.of("user", "db", "tables_priv", "procs_priv");
    }

    private static String yn(boolean b) {
        return b ? "Y" : "N";
    }

    private static List<Object[]> userRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (AccountRecord r : session.engine().accounts().sorted()) {
            Set<Privilege> global = r.at(GrantScope.GLOBAL);
            List<Object> row = new ArrayList<>(List.of(r.account().host(), r.account().user()));
            GLOBAL_COLUMNS.forEach(p -> row.add(yn(global.contains(p))));
            row.add("caching_sha2_password");
            row.add(r.password() == null ? "" : r.password().text());
            row.add("N");
            row.add("N");
            rows.add(row.toArray());
        }
        return rows;
    }

    private static List<Object[]> dbRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (AccountRecord r : session.engine().accounts().sorted()) {
            r.grants().forEach((scope, held) -> {
                if (scope.level() == Privilege.Level.DATABASE) {
                    List<Object> row = new ArrayList<>(List.of(r.account().host(), scope.database(),
                            r.account().user()));
                    DB_COLUMNS.forEach(p -> row.add(yn(held.contains(p))));
                    rows.add(row.toArray());
                }
            });
        }
        return rows;
    }

    private static List<Object[]> tablesPrivRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (AccountRecord r : session.engine().accounts().sorted()) {
            r.grants().forEach((scope, held) -> {
                if (scope.level() == Privilege.Level.TABLE) {
                    List<String> names = held.stream().map(MysqlDatabase::tablePrivName).toList();
                    rows.add(new Object[] {r.account().host(), scope.database(), r.account().user(), scope.table(),
                        "", null, String.join(",", names), ""});
                }
            });
        }
        return rows;
    }

    private static List<Object[]> procsPrivRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (AccountRecord r : session.engine().accounts().sorted()) {
            r.grants().forEach((scope, held) -> {
                if (scope.level() == Privilege.Level.ROUTINE) {
                    // in the order of MySQL's SET('Execute','Alter Routine','Grant')
                    List<String> names = new ArrayList<>();
                    if (held.contains(Privilege.EXECUTE)) {
                        names.add("Execute");
                    }
                    if (held.contains(Privilege.ALTER_ROUTINE)) {
                        names.add("Alter Routine");
                    }
                    if (held.contains(Privilege.GRANT_OPTION)) {
                        names.add("Grant");
                    }
                    rows.add(new Object[] {r.account().host(), scope.database(), r.account().user(), scope.table(),
                        scope.routineType().name(), "", String.join(",", names), null});
                }
            });
        }
        return rows;
    }

    /** tables_priv.Table_priv spells privileges as MySQL's SET members: Select, Create View, Grant, ... */
    private static String tablePrivName(Privilege p) {
        if (p == Privilege.GRANT_OPTION) {
            return "Grant";
        }
        String n = p.sqlName().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1).replace(" view", " View");
    }
}
