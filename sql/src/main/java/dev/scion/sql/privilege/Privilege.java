package dev.scion.sql.privilege;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The static privileges of MySQL 8.0 that Scion checks or records, with the level each may be granted at and the
 * column of {@code mysql.user} / {@code mysql.db} that shows it.
 */
public enum Privilege {
    SELECT("SELECT", "Select_priv", Level.TABLE),
    INSERT("INSERT", "Insert_priv", Level.TABLE),
    UPDATE("UPDATE", "Update_priv", Level.TABLE),
    DELETE("DELETE", "Delete_priv", Level.TABLE),
    CREATE("CREATE", "Create_priv", Level.TABLE),
    DROP("DROP", "Drop_priv", Level.TABLE),
    RELOAD("RELOAD", "Reload_priv", Level.GLOBAL),
    SHUTDOWN("SHUTDOWN", "Shutdown_priv", Level.GLOBAL),
    PROCESS("PROCESS", "Process_priv", Level.GLOBAL),
    FILE("FILE", "File_priv", Level.GLOBAL),
    GRANT_OPTION("GRANT OPTION", "Grant_priv", Level.TABLE),
    REFERENCES("REFERENCES", "References_priv", Level.TABLE),
    INDEX("INDEX", "Index_priv", Level.TABLE),
    ALTER("ALTER", "Alter_priv", Level.TABLE),
    SHOW_DATABASES("SHOW DATABASES", "Show_db_priv", Level.GLOBAL),
    SUPER("SUPER", "Super_priv", Level.GLOBAL),
    CREATE_TEMPORARY_TABLES("CREATE TEMPORARY TABLES", "Create_tmp_table_priv", Level.DATABASE),
    LOCK_TABLES("LOCK TABLES", "Lock_tables_priv", Level.DATABASE),
    EXECUTE("EXECUTE", "Execute_priv", Level.DATABASE),
    REPLICATION_SLAVE("REPLICATION SLAVE", "Repl_slave_priv", Level.GLOBAL),
    REPLICATION_CLIENT("REPLICATION CLIENT", "Repl_client_priv", Level.GLOBAL),
    CREATE_VIEW("CREATE VIEW", "Create_view_priv", Level.TABLE),
    SHOW_VIEW("SHOW VIEW", "Show_view_priv", Level.TABLE),
    CREATE_ROUTINE("CREATE ROUTINE", "Create_routine_priv", Level.DATABASE),
    ALTER_ROUTINE("ALTER ROUTINE", "Alter_routine_priv", Level.DATABASE),
    CREATE_USER("CREATE USER", "Create_user_priv", Level.GLOBAL),
    EVENT("EVENT", "Event_priv", Level.DATABASE),
    TRIGGER("TRIGGER", "Trigger_priv", Level.TABLE);

    /**
     * The levels a privilege can be granted at. GLOBAL, DATABASE and TABLE nest (a privilege grantable at one is
     * grantable at every wider one); ROUTINE (one stored procedure or function) stands apart and takes only
     * EXECUTE, ALTER ROUTINE and GRANT OPTION.
     */
    public enum Level {
        GLOBAL, DATABASE, TABLE, ROUTINE
    }

    private final String sqlName;
    private final String column;
    private final Level narrowest;

    Privilege(String sqlName, String column, Level narrowest) {
        this.sqlName = sqlName;
        this.column = column;
        this.narrowest = narrowest;
    }

    /** As written in GRANT and SHOW GRANTS. */
    public String sqlName() {
        return sqlName;
    }

    /** The Y/N column of mysql.user (and mysql.db for database-level privileges). */
    public String column() {
        return column;
    }

    public boolean grantableAt(Level level) {
        if (level == Level.ROUTINE) {
            return this == EXECUTE || this == ALTER_ROUTINE || this == GRANT_OPTION;
        }
        return level.ordinal() <= narrowest.ordinal();
    }

    /** What ALL [PRIVILEGES] means at {@code level}: everything grantable there except GRANT OPTION. */
    public static Set<Privilege> all(Level level) {
        EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
        for (Privilege p : values()) {
            if (p != GRANT_OPTION && p.grantableAt(level)) {
                set.add(p);
            }
        }
        return set;
    }

    /** The privilege named {@code words} (already upper-cased and single-spaced), if any. */
    public static Optional<Privilege> named(String words) {
        String w = words.toUpperCase(Locale.ROOT);
        for (Privilege p : values()) {
            if (p.sqlName.equals(w)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
