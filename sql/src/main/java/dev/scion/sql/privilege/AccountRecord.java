package dev.scion.sql.privilege;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One account as stored: its name, its password verifier (null for the empty password) and its grants by scope.
 * Immutable; changes make a new record.
 */
public record AccountRecord(Account account, StoredPassword password, Map<GrantScope, Set<Privilege>> grants) {

    public AccountRecord {
        TreeMap<GrantScope, Set<Privilege>> copy = new TreeMap<>();
        grants.forEach((scope, privileges) -> {
            if (!privileges.isEmpty()) {
                copy.put(scope, Collections.unmodifiableSet(EnumSet.copyOf(privileges)));
            }
        });
        grants = Collections.unmodifiableMap(copy);
    }

    public static AccountRecord create(Account account, StoredPassword password) {
        return new AccountRecord(account, password, Map.of());
    }

    public boolean emptyPassword() {
        return password == null;
    }

    public AccountRecord withPassword(StoredPassword newPassword) {
        return new AccountRecord(account, newPassword, grants);
    }

    public AccountRecord renamed(Account newName) {
        return new AccountRecord(newName, password, grants);
    }

    /** The privileges held at exactly {@code scope} (not inherited from wider scopes). */
    public Set<Privilege> at(GrantScope scope) {
        return grants.getOrDefault(scope, Set.of());
    }

    public AccountRecord withGranted(GrantScope scope, Set<Privilege> privileges) {
        Map<GrantScope, Set<Privilege>> next = new TreeMap<>(grants);
        EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
        set.addAll(at(scope));
        set.addAll(privileges);
        next.put(scope, set);
        return new AccountRecord(account, password, next);
    }

    public AccountRecord withRevoked(GrantScope scope, Set<Privilege> privileges) {
        Map<GrantScope, Set<Privilege>> next = new TreeMap<>(grants);
        EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
        set.addAll(at(scope));
        set.removeAll(privileges);
        next.put(scope, set);
        return new AccountRecord(account, password, next);
    }

    /** The account with no grants at all (REVOKE ALL PRIVILEGES, GRANT OPTION). */
    public AccountRecord withoutGrants() {
        return new AccountRecord(account, password, Map.of());
    }
}
