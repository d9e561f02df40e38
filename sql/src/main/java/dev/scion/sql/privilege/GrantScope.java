package dev.scion.sql.privilege;

import java.util.Locale;

/**
 * What a grant applies to: {@code *.*} (database and table null), {@code db.*} (table null), {@code db.table}, or
 * one stored routine ({@code PROCEDURE db.p}, {@code FUNCTION db.f}: {@code routineType} set and {@code table}
 * holding the routine's name). Names compare case-insensitively, as Scion's database, table and routine names do.
 */
public record GrantScope(String database, String table, RoutineType routineType) implements Comparable<GrantScope> {

    /** The two kinds of stored routine a grant can name; SHOW GRANTS lists procedures before functions. */
    public enum RoutineType {
        PROCEDURE, FUNCTION
    }

    public static final GrantScope GLOBAL = new GrantScope(null, null);

    public GrantScope {
        if (database == null && table != null) {
            throw new IllegalArgumentException("a table grant needs its database");
        }
        if (routineType != null && table == null) {
            throw new IllegalArgumentException("a routine grant needs the routine's name");
        }
        database = database == null ? null : database.toLowerCase(Locale.ROOT);
        table = table == null ? null : table.toLowerCase(Locale.ROOT);
    }

    public GrantScope(String database, String table) {
        this(database, table, null);
    }

    public static GrantScope database(String db) {
        return new GrantScope(db, null);
    }

    public static GrantScope table(String db, String table) {
        return new GrantScope(db, table);
    }

    public static GrantScope routine(String db, RoutineType type, String name) {
        return new GrantScope(db, name, type);
    }

    public Privilege.Level level() {
        return database == null ? Privilege.Level.GLOBAL
                : table == null ? Privilege.Level.DATABASE
                : routineType == null ? Privilege.Level.TABLE : Privilege.Level.ROUTINE;
    }

    /** The scope as written in GRANT: *.*, `db`.*, `db`.`table`, PROCEDURE `db`.`p`. */
    public String sql() {
        return switch (level()) {
            case GLOBAL -> "*.*";
            case DATABASE -> quote(database) + ".*";
            case TABLE -> quote(database) + "." + quote(table);
            case ROUTINE -> routineType + " " + quote(database) + "." + quote(table);
        };
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Global first, then databases, tables, procedures and functions, each by name: the order SHOW GRANTS lists
     * them in.
     */
    @Override
    public int compareTo(GrantScope o) {
        int c = Integer.compare(level().ordinal(), o.level().ordinal());
        if (c == 0 && routineType != null) {
            c = routineType.compareTo(o.routineType);
        }
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
