package dev.scion.sql.privilege;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one session may do. Sessions opened by a logged-in client are bound to their account and read its grants
 * from the {@link AccountCatalog} on every check, so GRANT and REVOKE take effect on the next statement; sessions
 * opened inside the process (the CLI, tests) are {@link #UNRESTRICTED}.
 */
public interface AccessPolicy {

    AccessPolicy UNRESTRICTED = new AccessPolicy() {
        @Override
        public Optional<Account> account() {
            return Optional.empty();
        }

        @Override
        public boolean has(Privilege privilege, String database, String table) {
            return true;
        }

        @Override
        public boolean hasAnyOnDatabase(String database) {
            return true;
        }

        @Override
        public boolean hasAnyOnTable(String database, String table) {
            return true;
        }
    };

    /** The account the session authenticated as; empty for an unrestricted in-process session. */
    Optional<Account> account();

    /** Whether {@code privilege} is held on {@code database.table} (table null: the database; both null: global). */
    boolean has(Privilege privilege, String database, String table);

    /** Any privilege on the database or one of its tables: enough to USE it and to see it listed. */
    boolean hasAnyOnDatabase(String database);

    /** Any privilege on the table (or wider): enough to see it listed and described. */
    boolean hasAnyOnTable(String database, String table);

    /**
     * Whether {@code privilege} (EXECUTE, ALTER ROUTINE) is held on one stored routine: granted on it, or on its
     * database, or globally.
     */
    default boolean hasOnRoutine(Privilege privilege, String database, GrantScope.RoutineType type, String name) {
        return has(privilege, database, null);
    }

    default boolean hasGlobal(Privilege privilege) {
        return has(privilege, null, null);
    }

    /** The policy of {@code account}, evaluated against {@code catalog}'s current grants. */
    static AccessPolicy of(AccountCatalog catalog, Account account) {
        return new AccessPolicy() {
            @Override
            public Optional<Account> account() {
                return Optional.of(account);
            }

            private Map<GrantScope, Set<Privilege>> grants() {
                return catalog.find(account).map(AccountRecord::grants).orElse(Map.of());
            }

            @Override
            public boolean has(Privilege privilege, String database, String table) {
                Map<GrantScope, Set<Privilege>> g = grants();
                if (g.getOrDefault(GrantScope.GLOBAL, Set.of()).contains(privilege)) {
                    return true;
                }
                if (database == null) {
                    return false;
                }
                String db = baseName(database);
                if (g.getOrDefault(GrantScope.database(db), Set.of()).contains(privilege)) {
                    return true;
                }
                return table != null && g.getOrDefault(GrantScope.table(db, table), Set.of()).contains(privilege);
            }

            @Override
            public boolean hasOnRoutine(Privilege privilege, String database, GrantScope.RoutineType type,
                                        String name) {
                return has(privilege, database, null) || grants()
                        .getOrDefault(GrantScope.routine(baseName(database), type, name), Set.of()).contains(privilege);
            }

            @Override
            public boolean hasAnyOnDatabase(String database) {
                // a routine grant counts too, as in MySQL: it lets the account USE the database to call the routine
                String db = baseName(database).toLowerCase(Locale.ROOT);
                for (GrantScope scope : grants().keySet()) {
                    if (scope.database() == null || scope.database().equals(db)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean hasAnyOnTable(String database, String table) {
                String db = baseName(database).toLowerCase(Locale.ROOT);
                String t = table.toLowerCase(Locale.ROOT);
                for (GrantScope scope : grants().keySet()) {
                    if (scope.database() == null || scope.database().equals(db) && scope.routineType() == null
                            && (scope.table() == null || scope.table().equals(t))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /**
     * Privileges of a revision database ({@code db/branch}, {@code db/<hash>}) are those of {@code db}: a branch
     * is a version of the same data, not a separate database.
     */
    static String baseName(String database) {
        int slash = database.indexOf('/');
        return slash < 0 ? database : database.substring(0, slash);
    }
}
