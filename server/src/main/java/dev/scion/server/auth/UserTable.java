package dev.scion.server.auth;

import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.AccountCatalog;
import dev.scion.sql.privilege.AccountRecord;
import dev.scion.sql.privilege.StoredPassword;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins against the accounts of the {@link AccountCatalog} (persisted, as caching_sha2 verifiers only).
 *
 * <p>caching_sha2_password semantics as in MySQL: the stored form is the slow SHA-256 crypt; the fast-auth
 * verifier SHA256(SHA256(pw)) (and the mysql_native_password verifier SHA1(SHA1(pw)), for old clients) exist only
 * in memory, once a client has proven the password through full authentication (TLS or RSA). They are bound to
 * the stored verifier they were derived under, so a changed password or a dropped account invalidates them, and
 * a restart forgets them.
 */
public final class UserTable {

    /** In-memory verifiers derived from a proven password, valid while the account's stored verifier is {@code stored}. */
    private record Cached(StoredPassword stored, byte[] sha2, byte[] nativeVerifier) {
    }

    private final AccountCatalog catalog;
    private final Map<Account, Cached> cache = new ConcurrentHashMap<>();

    public UserTable(AccountCatalog catalog) {
        this.catalog = catalog;
    }

    /** A table over an in-memory catalog (tests). */
    public UserTable() {
        this(AccountCatalog.inMemory());
    }

    public AccountCatalog catalog() {
        return catalog;
    }

    /** Creates or replaces {@code 'user'@'host'} with {@code password}, keeping its grants (tests, bootstrap). */
    public void createUser(String user, HostPattern host, String password) {
        Account account = new Account(user, host.text());
        StoredPassword stored = password == null || password.isEmpty() ? null : StoredPassword.of(password);
        catalog.change(map -> {
            AccountRecord existing = map.get(account);
            map.put(account, existing == null ? AccountRecord.create(account, stored) : existing.withPassword(stored));
        });
    }

    /** The most specific account for {@code user} connecting from {@code address}. */
    public Optional<AccountRecord> find(String user, InetAddress address) {
        return catalog.all().stream()
                .filter(a -> a.account().user().equals(user) && new HostPattern(a.account().host()).matches(address))
                .max(Comparator.comparingInt(a -> new HostPattern(a.account().host()).specificity()));
    }

    public List<AccountRecord> accounts() {
        return catalog.sorted();
    }

    /**
     * Checks a cleartext password (the remotes API's HTTP Basic credentials). A password proven before is
     * checked against the in-memory SHA256(SHA256(pw)) instead of the slow stored verifier.
     */
    public boolean checkPassword(AccountRecord account, String password) {
        String given = password == null ? "" : password;
        if (account.emptyPassword()) {
            return given.isEmpty();
        }
        Cached c = cached(account);
        if (c != null) {
            return MessageDigest.isEqual(c.sha2(), CachingSha2Password.verifier(given));
        }
        return fullCheck(account, given);
    }

    private boolean fullCheck(AccountRecord account, String password) {
        if (!account.password().matches(password)) {
            return false;
        }
        cache.put(account.account(), new Cached(account.password(), CachingSha2Password.verifier(password),
                NativePassword.verifier(password)));
        return true;
    }

    private Cached cached(AccountRecord account) {
        Cached c = cache.get(account.account());
        if (c != null && !c.stored().equals(account.password())) {
            cache.remove(account.account(), c);
            return null;
        }
        return c;
    }

    /** What the wire layer checks a login against; null when no account matches (error 1045). */
    public UserCredentials credentials(String user, InetAddress address) {
        Optional<AccountRecord> found = find(user, address);
        if (found.isEmpty()) {
            return null;
        }
        AccountRecord account = found.get();
        if (account.emptyPassword()) {
            return UserCredentials.noPassword();
        }
        Cached c = cached(account);
        return new UserCredentials(false, c == null ? null : c.sha2(), c == null ? null : c.nativeVerifier(),
                password -> fullCheck(account, password));
    }
}
