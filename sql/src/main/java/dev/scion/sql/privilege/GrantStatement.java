package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.routine.StoredProcedures;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GRANT privileges ON scope TO users [WITH GRANT OPTION] and REVOKE privileges ON scope FROM users (also REVOKE
 * ALL PRIVILEGES, GRANT OPTION FROM users). The grantor needs GRANT OPTION and every privilege it hands out at
 * that scope, as in MySQL.
 */
final class GrantStatement implements AdminStatement {
    private final boolean grant;
    private final AccountStatementParser.PrivilegeList privileges;
    private final AccountStatementParser.ScopeSpec scopeSpec;
    private final List<AccountStatementParser.UserSpec> users;
    private final boolean withGrantOption;

    GrantStatement(boolean grant, AccountStatementParser.PrivilegeList privileges,
                   AccountStatementParser.ScopeSpec scopeSpec, List<AccountStatementParser.UserSpec> users,
                   boolean withGrantOption) {
        this.grant = grant;
        this.privileges = privileges;
        this.scopeSpec = scopeSpec;
        this.users = users;
        this.withGrantOption = withGrantOption;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Account> targets = users.stream().map(u -> u.resolve(session)).toList();
        if (scopeSpec == null) {
            revokeEverything(session, targets);
            return StatementResult.ok();
        }
        GrantScope scope = scopeSpec.resolve(session);
        Set<Privilege> set = privileges.at(scope.level());
        if (withGrantOption) {
            set.add(Privilege.GRANT_OPTION);
        }
        for (Privilege p : set) {
            if (!p.grantableAt(scope.level())) {
                throw scope.level() == Privilege.Level.DATABASE
                        ? new SqlError(ErrorCode.WRONG_USAGE, "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES")
                        : new SqlError(ErrorCode.ILLEGAL_GRANT_FOR_TABLE, "Illegal GRANT/REVOKE command; please "
                                + "consult the manual to see which privileges can be used");
            }
        }
        requireGrantor(session, scope, set);
        if (scope.level() == Privilege.Level.TABLE) {
            requireTableExists(session, scope);
        } else if (grant && scope.level() == Privilege.Level.ROUTINE) {
            requireRoutineExists(session, scope);
        }
        session.engine().accounts().change(map -> {
            for (Account a : targets) {
                AccountRecord r = map.get(a);
                if (r == null) {
                    throw grant ? new SqlError(ErrorCode.CANT_CREATE_USER_WITH_GRANT,
                            "You are not allowed to create a user with GRANT") : noSuchGrant(a, scope);
                }
                if (!grant && r.at(scope).isEmpty()) {
                    throw noSuchGrant(a, scope);
                }
                map.put(a, grant ? r.withGranted(scope, set) : r.withRevoked(scope, set));
            }
        });
        return StatementResult.ok();
    }

    private void revokeEverything(Session session, List<Account> targets) {
        AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
        session.engine().accounts().change(map -> {
            List<Account> failed = new ArrayList<>();
            for (Account a : targets) {
                AccountRecord r = map.get(a);
                if (r == null) {
                    failed.add(a);
                } else {
                    map.put(a, r.withoutGrants());
                }
            }
            if (!failed.isEmpty()) {
                throw UserOperationFailed.of("REVOKE", failed);
            }
        });
    }

    private static void requireTableExists(Session session, GrantScope scope) {
        DatabaseState db = session.findDatabase(scope.database())
                .orElseThrow(() -> SqlError.noSuchTable(scope.database(), scope.table()));
        if (db.workingRoot().resolveName(scope.table()).isEmpty()
                && dev.scion.sql.catalog.Views.definition(db, scope.table()).isEmpty()) { // a view takes grants too
            throw SqlError.noSuchTable(scope.database(), scope.table());
        }
    }

    /** 1305 as MySQL words it for GRANT: "FUNCTION or PROCEDURE p does not exist", whichever kind was named. */
    private static void requireRoutineExists(Session session, GrantScope scope) {
        boolean found = session.findDatabase(scope.database())
                .map(db -> StoredProcedures.find(db, scope.routineType() == GrantScope.RoutineType.FUNCTION
                        ? StoredProcedures.FUNCTIONS : StoredProcedures.TABLE, scope.table()).isPresent())
                .orElse(false);
        if (!found) {
            throw new SqlError(ErrorCode.SP_DOES_NOT_EXIST, "FUNCTION or PROCEDURE " + scope.table()
                    + " does not exist");
        }
    }

    /** The grantor holds GRANT OPTION and each privilege at (or above) the scope. */
    private static void requireGrantor(Session session, GrantScope scope, Set<Privilege> set) {
        AccessPolicy access = session.access();
        EnumSet<Privilege> needed = EnumSet.of(Privilege.GRANT_OPTION);
        needed.addAll(set);
        for (Privilege p : needed) {
            boolean held = scope.level() == Privilege.Level.ROUTINE
                    ? access.hasOnRoutine(p, scope.database(), scope.routineType(), scope.table())
                    : access.has(p, scope.database(), scope.table());
            if (held) {
                continue;
            }
            switch (scope.level()) {
                case GLOBAL -> throw AccessChecks.loginDenied(session);
                case DATABASE -> throw AccessChecks.databaseDenied(session, scope.database());
                case TABLE -> throw new SqlError(ErrorCode.TABLEACCESS_DENIED, "GRANT command denied to user "
                        + AccessChecks.who(session) + " for table '" + scope.table() + "'");
                // MySQL names the command by what was asked for, not by what is missing
                case ROUTINE -> throw new SqlError(ErrorCode.PROCACCESS_DENIED, (set.contains(Privilege.EXECUTE)
                        ? "execute" : set.contains(Privilege.ALTER_ROUTINE) ? "alter routine" : "grant")
                        + " command denied to user " + AccessChecks.who(session) + " for routine '"
                        + scope.database() + "." + scope.table() + "'");
                default -> throw new IllegalStateException();
            }
        }
    }

    private static SqlError noSuchGrant(Account a, GrantScope scope) {
        String base = "There is no such grant defined for user '" + a.user() + "' on host '" + a.host() + "'";
        return switch (scope.level()) {
            case TABLE -> new SqlError(ErrorCode.NONEXISTING_TABLE_GRANT, base + " on table '" + scope.table() + "'");
            case ROUTINE -> new SqlError(ErrorCode.NONEXISTING_PROC_GRANT, base + " on routine '" + scope.table()
                    + "'");
            default -> new SqlError(ErrorCode.NONEXISTING_GRANT, base);
        };
    }

    /** For SHOW GRANTS: the privileges of one scope as GRANT lists them. */
    static String privilegeText(GrantScope scope, Set<Privilege> held) {
        EnumSet<Privilege> plain = held.isEmpty() ? EnumSet.noneOf(Privilege.class) : EnumSet.copyOf(held);
        plain.remove(Privilege.GRANT_OPTION);
        if (plain.isEmpty()) {
            return "USAGE";
        }
        // MySQL lists a routine's privileges even when it holds both
        if (scope.level() != Privilege.Level.ROUTINE && plain.containsAll(Privilege.all(scope.level()))) {
            return "ALL PRIVILEGES";
        }
        return String.join(", ", plain.stream().map(Privilege::sqlName).toList());
    }
}
