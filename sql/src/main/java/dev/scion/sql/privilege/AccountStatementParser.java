package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads CREATE / ALTER / DROP / RENAME USER, GRANT, REVOKE, SHOW GRANTS and SET PASSWORD. These statements have
 * a small grammar of their own (account names, privilege lists), so they are read here rather than by the
 * Calcite-based parser.
 */
public final class AccountStatementParser {
    private AccountStatementParser() {
    }

    /** An account as written, resolved against the session when it says CURRENT_USER. */
    record UserSpec(Account account, boolean currentUser) {
        Account resolve(Session session) {
            if (!currentUser) {
                return account;
            }
            return session.access().account().orElse(new Account(session.user(), "%"));
        }
    }

    /** The statement if {@code sql} is one of the account statements. */
    public static Optional<AdminStatement> parse(String sql) {
        Tokens t = new Tokens(sql);
        if (t.accept("CREATE", "USER")) {
            return Optional.of(createUser(t));
        }
        if (t.accept("ALTER", "USER")) {
            return Optional.of(alterUser(t));
        }
        if (t.accept("DROP", "USER")) {
            boolean ifExists = t.accept("IF", "EXISTS");
            List<UserSpec> users = list(t, AccountStatementParser::user);
            t.expectEnd();
            return Optional.of(new DropUser(users, ifExists));
        }
        if (t.accept("RENAME", "USER")) {
            List<UserSpec[]> pairs = list(t, x -> {
                UserSpec from = user(x);
                x.expect("TO");
                return new UserSpec[] {from, user(x)};
            });
            t.expectEnd();
            return Optional.of(new RenameUser(pairs));
        }
        if (t.accept("GRANT")) {
            return Optional.of(grant(t));
        }
        if (t.accept("REVOKE")) {
            return Optional.of(revoke(t));
        }
        if (t.accept("SHOW", "GRANTS")) {
            UserSpec user = t.accept("FOR") ? user(t) : new UserSpec(null, true);
            if (t.accept("USING")) {
                throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support roles");
            }
            t.expectEnd();
            return Optional.of(new ShowGrants(user));
        }
        if (t.accept("SET", "PASSWORD")) {
            UserSpec user = t.accept("FOR") ? user(t) : new UserSpec(null, true);
            t.expect("=");
            String password = t.string();
            t.expectEnd();
            return Optional.of(new AlterUser(List.of(new UserPassword(user, password)), false));
        }
        return Optional.empty();
    }

    private static AdminStatement createUser(Tokens t) {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        List<UserPassword> users = list(t, x -> new UserPassword(user(x), identifiedBy(x)));
        t.expectEnd();
        return new CreateUser(users, ifNotExists);
    }

    private static AdminStatement alterUser(Tokens t) {
        boolean ifExists = t.accept("IF", "EXISTS");
        List<UserPassword> changes = list(t, x -> {
            UserSpec user = user(x);
            String password = identifiedBy(x);
            if (password == null) {
                throw x.error();
            }
            return new UserPassword(user, password);
        });
        t.expectEnd();
        return new AlterUser(changes, ifExists);
    }

    /** IDENTIFIED [WITH caching_sha2_password | mysql_native_password] BY 'pw'; null when absent (empty). */
    private static String identifiedBy(Tokens t) {
        if (!t.accept("IDENTIFIED")) {
            return null;
        }
        if (t.accept("WITH")) {
            String plugin = t.name();
            if (!plugin.equalsIgnoreCase("caching_sha2_password") && !plugin.equalsIgnoreCase("mysql_native_password")) {
                throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "Plugin '" + plugin + "' is not loaded");
            }
            if (!t.peekIs("BY")) {
                return "";
            }
        }
        t.expect("BY");
        return t.string();
    }

    static UserSpec user(Tokens t) {
        if (t.accept("CURRENT_USER")) {
            if (t.accept("(")) {
                t.expect(")");
            }
            return new UserSpec(null, true);
        }
        String name = t.name();
        // 'u'@'h', u@h or just u (host %); a quoted 'u@h' is one user name, as in MySQL
        String host = t.accept("@") ? t.name() : "%";
        return new UserSpec(new Account(name, host), false);
    }

    private static <T> List<T> list(Tokens t, Function<Tokens, T> item) {
        List<T> out = new ArrayList<>();
        out.add(item.apply(t));
        while (t.accept(",")) {
            out.add(item.apply(t));
        }
        return out;
    }

    private static AdminStatement grant(Tokens t) {
        PrivilegeList privileges = privileges(t);
        t.expect("ON");
        ScopeSpec scope = scope(t);
        t.expect("TO");
        List<UserSpec> users = list(t, AccountStatementParser::user);
        boolean withGrantOption = t.accept("WITH", "GRANT", "OPTION");
        t.expectEnd();
        return new GrantStatement(true, privileges, scope, users, withGrantOption);
    }

    private static AdminStatement revoke(Tokens t) {
        t.accept("IF", "EXISTS");
        PrivilegeList privileges = privileges(t);
        ScopeSpec scope;
        if (privileges.all() && privileges.withGrantOption() && t.peekIs("FROM")) {
            scope = null; // REVOKE ALL PRIVILEGES, GRANT OPTION FROM user: every grant at every level
        } else {
            t.expect("ON");
            scope = scope(t);
        }
        t.expect("FROM");
        List<UserSpec> users = list(t, AccountStatementParser::user);
        t.accept("IGNORE", "UNKNOWN", "USER");
        t.expectEnd();
        return new GrantStatement(false, privileges, scope, users, false);
    }

    /** The privileges named before ON: ALL [PRIVILEGES] or a list; GRANT OPTION in the list is kept apart. */
    record PrivilegeList(boolean all, Set<Privilege> named, boolean withGrantOption) {
        Set<Privilege> at(Privilege.Level level) {
            EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
            set.addAll(all ? Privilege.all(level) : named);
            if (withGrantOption) {
                set.add(Privilege.GRANT_OPTION);
            }
            return set;
        }
    }

    private static PrivilegeList privileges(Tokens t) {
        boolean all = false;
        boolean grantOption = false;
        EnumSet<Privilege> named = EnumSet.noneOf(Privilege.class);
        do {
            StringBuilder words = new StringBuilder();
            while (!t.atEnd() && !t.peekIs(",") && !t.peekIs("ON") && !t.peekIs("FROM") && !t.peekIs("(")) {
                if (words.length() > 0) {
                    words.append(' ');
                }
                words.append(Tokens.upper(t.next().text()));
            }
            if (t.peekIs("(")) {
                throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                        "This version of Scion doesn't yet support column privileges");
            }
            String w = words.toString();
            if (w.equals("ALL") || w.equals("ALL PRIVILEGES")) {
                all = true;
            } else if (w.equals("USAGE")) {
                // no privilege at all
            } else if (w.equals("GRANT OPTION")) {
                grantOption = true;
            } else {
                named.add(Privilege.named(w).orElseThrow(t::error));
            }
        } while (t.accept(","));
        return new PrivilegeList(all, named, grantOption);
    }

    /**
     * ON [TABLE] *.* | * | db.* | db.table | table, or ON PROCEDURE | FUNCTION [db.]name, with {@code *} and bare
     * names relative to the current database.
     */
    record ScopeSpec(String database, String table, boolean global, GrantScope.RoutineType routineType) {
        ScopeSpec(String database, String table, boolean global) {
            this(database, table, global, null);
        }

        GrantScope resolve(Session session) {
            if (global) {
                return GrantScope.GLOBAL;
            }
            String db = database;
            if (db == null) {
                db = session.currentDatabase();
                if (db == null) {
                    throw SqlError.noDatabaseSelected();
                }
                db = AccessPolicy.baseName(db);
            }
            return table == null ? GrantScope.database(db) : new GrantScope(db, table, routineType);
        }
    }

    private static ScopeSpec scope(Tokens t) {
        for (GrantScope.RoutineType type : GrantScope.RoutineType.values()) {
            if (t.accept(type.name())) {
                String first = t.name();
                return t.accept(".") ? new ScopeSpec(first, t.name(), false, type)
                        : new ScopeSpec(null, first, false, type);
            }
        }
        t.accept("TABLE");
        if (t.accept("*")) {
            if (t.accept(".")) {
                t.expect("*");
                return new ScopeSpec(null, null, true);
            }
            return new ScopeSpec(null, null, false);
        }
        String first = t.name();
        if (t.accept(".")) {
            if (t.accept("*")) {
                return new ScopeSpec(first, null, false);
            }
            return new ScopeSpec(first, t.name(), false);
        }
        return new ScopeSpec(null, first, false);
    }
}
