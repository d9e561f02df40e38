package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The privilege checks statements make, raising MySQL's errors (1044, 1142, 1227) when one fails. */
public final class AccessChecks {
    private AccessChecks() {
    }

    /** {@code privilege} on a table (or view, or system table) of {@code database}; else 1142. */
    public static void requireTable(Session session, Privilege privilege, String database, String table) {
        if (!session.access().has(privilege, database, table)) {
            throw new SqlError(ErrorCode.TABLEACCESS_DENIED, privilege.sqlName() + " command denied to user "
                    + who(session) + " for table '" + table + "'");
        }
    }

    /** {@code privilege} on the whole database (or globally); else 1044. */
    public static void requireDatabase(Session session, Privilege privilege, String database) {
        if (!session.access().has(privilege, database, null)) {
            throw databaseDenied(session, database);
        }
    }

    /** Any privilege on the database or one of its tables (USE, connecting with a database); else 1044. */
    public static void requireAnyOnDatabase(Session session, String database) {
        if (!session.access().hasAnyOnDatabase(database)) {
            throw databaseDenied(session, database);
        }
    }

    /** Any privilege on the table, e.g. to describe it; else 1142 naming {@code command}. */
    public static void requireAnyOnTable(Session session, String command, String database, String table) {
        if (!session.access().hasAnyOnTable(database, table)) {
            throw new SqlError(ErrorCode.TABLEACCESS_DENIED, command + " command denied to user " + who(session)
                    + " for table '" + table + "'");
        }
    }

    /** At least one of the global {@code privileges}; else 1227. */
    public static void requireGlobal(Session session, Privilege... privileges) {
        for (Privilege p : privileges) {
            if (session.access().hasGlobal(p)) {
                return;
            }
        }
        throw new SqlError(ErrorCode.SPECIFIC_ACCESS_DENIED, "Access denied; you need (at least one of) the "
                + Arrays.stream(privileges).map(Privilege::sqlName).collect(Collectors.joining(", "))
                + " privilege(s) for this operation");
    }

    /**
     * The global FILE privilege (LOAD DATA INFILE, SELECT ... INTO OUTFILE); else 1045, the login error, which is
     * what MySQL 8 reports for a missing FILE privilege, not 1227.
     */
    public static void requireFile(Session session) {
        if (!session.access().hasGlobal(Privilege.FILE)) {
            throw loginDenied(session);
        }
    }

    /** 1045 "Access denied for user 'u'@'h' (using password: YES|NO)", as MySQL reports a missing global grant. */
    static SqlError loginDenied(Session session) {
        boolean password = session.access().account().flatMap(a -> session.engine().accounts().find(a))
                .map(r -> !r.emptyPassword()).orElse(false);
        return new SqlError(ErrorCode.ACCESS_DENIED, "Access denied for user " + who(session) + " (using password: "
                + (password ? "YES" : "NO") + ")");
    }

    public static SqlError databaseDenied(Session session, String database) {
        return new SqlError(ErrorCode.DBACCESS_DENIED, "Access denied for user " + who(session) + " to database '"
                + AccessPolicy.baseName(database) + "'");
    }

    /** 'user'@'client host' as MySQL names the requester in these messages. */
    static String who(Session session) {
        String host = session.host() == null ? "localhost" : session.host();
        return "'" + session.user() + "'@'" + host + "'";
    }
}
