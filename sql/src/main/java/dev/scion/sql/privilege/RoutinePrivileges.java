package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/**
 * The privileges stored routines need, as MySQL 8 checks them at database (or global) level: EXECUTE to CALL a
 * procedure or call a function (else 1370), CREATE ROUTINE to create one (else 1044), ALTER ROUTINE to drop or
 * alter one (else 1370), and SET_USER_ID's stand-in SUPER to name another account as DEFINER (else 1227).
 */
public final class RoutinePrivileges {
    private RoutinePrivileges() {
    }

    /** EXECUTE on the routine's database; else 1370 "execute command denied to user ... for routine 'db.name'". */
    public static void requireExecute(Session session, String database, String name) {
        if (!session.access().has(Privilege.EXECUTE, database, null)) {
            throw denied(session, "execute", database, name);
        }
    }

    /** CREATE ROUTINE on the database; else 1044. */
    public static void requireCreate(Session session, String database) {
        AccessChecks.requireDatabase(session, Privilege.CREATE_ROUTINE, database);
    }

    /** ALTER ROUTINE on the routine's database (DROP / ALTER PROCEDURE or FUNCTION); else 1370. */
    public static void requireAlter(Session session, String database, String name) {
        if (!session.access().has(Privilege.ALTER_ROUTINE, database, null)) {
            throw denied(session, "alter routine", database, name);
        }
    }

    /**
     * A DEFINER naming an account other than the creator's own needs SUPER (MySQL 8: SET_USER_ID or SUPER);
     * {@code definer} is {@code user@host}.
     */
    public static void requireDefiner(Session session, String definer) {
        String own = session.access().account().map(Account::plain).orElse(null);
        if (own != null && !own.equals(definer)) {
            AccessChecks.requireGlobal(session, Privilege.SUPER);
        }
    }

    private static SqlError denied(Session session, String command, String database, String name) {
        return new SqlError(ErrorCode.PROCACCESS_DENIED, command + " command denied to user "
                + AccessChecks.who(session) + " for routine '" + AccessPolicy.baseName(database) + "." + name + "'");
    }
}
