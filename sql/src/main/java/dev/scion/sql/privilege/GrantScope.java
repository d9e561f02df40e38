package dev.scion.sql.privilege;

import java.util.Locale;

/**
 * What a grant applies to: {@code *.*} (database and table null), {@code db.*} (table null) or {@code db.table}.
 * Names compare case-insensitively, as Scion's database and table names do.
 */
public record GrantScope(String database, String table) implements Comparable<GrantScope> {

    public static final GrantScope GLOBAL = new GrantScope(null, null);

    public GrantScope {
        if (database == null && table != null) {
            throw new IllegalArgumentException("a table grant needs its database");
        }
        database = database == null ? null : database.toLowerCase(Locale.ROOT);
        table = table == null ? null : table.toLowerCase(Locale.ROOT);
    }

    public static GrantScope database(String db) {
        return new GrantScope(db, null);
    }

    public static GrantScope table(String db, String table) {
        return new GrantScope(db, table);
    }

    public Privilege.Level level() {
        return database == null ? Privilege.Level.GLOBAL
                : table == null ? Privilege.Level.DATABASE : Privilege.Level.TABLE;
    }

    /** The scope as written in GRANT: *.*, `db`.*, `db`.`table`. */
    public String sql() {
        return switch (level()) {
            case GLOBAL -> "*.*";
            case DATABASE -> quote(database) + ".*";
            case TABLE -> quote(database) + "." + quote(table);
        };
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Global first, then databases, then tables, each by name: the order SHOW GRANTS lists them in. */
    @Override
    public int compareTo(GrantScope o) {
        int c = Integer.compare(level().ordinal(), o.level().ordinal());
        if (c != 0) {
            return c;
        }
        c = compareNullable(database, o.database);
        return c != 0 ? c : compareNullable(table, o.table);
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
