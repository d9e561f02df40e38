package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.EnumSet;
import java.util.Set;

/**
 * The privileges stored routines need, as MySQL 8 checks them on the routine itself, its database or globally:
 * EXECUTE to CALL a procedure or call a function (else 1370), CREATE ROUTINE on the database to create one (else
 * 1044), ALTER ROUTINE to drop or alter one (else 1370), and SET_USER_ID's stand-in SUPER to name another account as
 * DEFINER (else 1227). With MySQL's default {@code automatic_sp_privileges}, the creator of a routine is granted
 * EXECUTE and ALTER ROUTINE on it, and dropping the routine drops every grant on it.
 */
public final class RoutinePrivileges {
    private static final Set<Privilege> CREATOR = EnumSet.of(Privilege.EXECUTE, Privilege.ALTER_ROUTINE);

    private RoutinePrivileges() {
    }

    /** EXECUTE on the routine; else 1370 "execute command denied to user ... for routine 'db.name'". */
    public static void requireExecute(Session session, String database, GrantScope.RoutineType type, String name) {
        if (!session.access().hasOnRoutine(Privilege.EXECUTE, database, type, name)) {
            throw denied(session, "execute", database, name);
        }
    }

    /** CREATE ROUTINE on the database; else 1044. */
    public static void requireCreate(Session session, String database) {
        AccessChecks.requireDatabase(session, Privilege.CREATE_ROUTINE, database);
    }

    /** ALTER ROUTINE on the routine (DROP / ALTER PROCEDURE or FUNCTION); else 1370. */
    public static void requireAlter(Session session, String database, GrantScope.RoutineType type, String name) {
        if (!session.access().hasOnRoutine(Privilege.ALTER_ROUTINE, database, type, name)) {
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

    /**
     * After CREATE: grants the creating account EXECUTE and ALTER ROUTINE on the new routine unless it already holds
     * both there (MySQL's automatic_sp_privileges). In-process sessions have no account and get nothing.
     */
    public static void grantToCreator(Session session, String database, GrantScope.RoutineType type, String name) {
        AccessPolicy access = session.access();
        if (access.account().isEmpty() || CREATOR.stream()
                .allMatch(p -> access.hasOnRoutine(p, database, type, name))) {
            return;
        }
        GrantScope scope = GrantScope.routine(AccessPolicy.baseName(database), type, name);
        Account creator = access.account().get();
        session.engine().accounts().change(map -> {
            AccountRecord r = map.get(creator);
            if (r != null) {
                map.put(creator, r.withGranted(scope, CREATOR));
            }
        });
    }

    /** After DROP: no account keeps a grant on the dropped routine (MySQL's automatic_sp_privileges). */
    public static void dropGrants(Session session, String database, GrantScope.RoutineType type, String name) {
        GrantScope scope = GrantScope.routine(AccessPolicy.baseName(database), type, name);
        AccountCatalog catalog = session.engine().accounts();
        if (catalog.all().stream().allMatch(r -> r.at(scope).isEmpty())) {
            return; // nothing to write
        }
        catalog.change(map -> map.replaceAll((account, r) -> r.withRevoked(scope, r.at(scope))));
    }

    private static SqlError denied(Session session, String command, String database, String name) {
        return new SqlError(ErrorCode.PROCACCESS_DENIED, command + " command denied to user "
                + AccessChecks.who(session) + " for routine '" + AccessPolicy.baseName(database) + "." + name + "'");
    }
}
