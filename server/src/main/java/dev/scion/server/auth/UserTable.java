package dev.scion.server.auth;

import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.auth.CachingSha2Password;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The accounts the server accepts, in memory (issue 8 will persist them and add CREATE USER / privileges).
 *
 * <p>caching_sha2_password semantics as in MySQL: the stored form is a slow salted hash; the fast-auth
 * verifier SHA256(SHA256(pw)) is cached in memory only after a client has proven the password through full
 * authentication (TLS or RSA), and forgotten when the password changes or the server restarts.
 */
public final class UserTable {

    private final List<UserAccount> accounts = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> fastAuthCache = new ConcurrentHashMap<>();

    /** Adds or replaces the account {@code 'user'@'host'}. */
    public void put(UserAccount account) {
        synchronized (accounts) {
            accounts.removeIf(a -> a.key().equals(account.key()));
            accounts.add(account);
        }
        fastAuthCache.remove(account.key());
    }

    public void createUser(String user, HostPattern host, String password) {
        put(UserAccount.withPassword(user, host, password));
    }

    /** The most specific account for {@code user} connecting from {@code address}. */
    public Optional<UserAccount> find(String user, InetAddress address) {
        return accounts.stream()
                .filter(a -> a.user().equals(user) && a.host().matches(address))
                .max(Comparator.comparingInt(a -> a.host().specificity()));
    }

    public List<UserAccount> accounts() {
        return new ArrayList<>(accounts);
    }

    /** What the wire layer checks a login against; null when no account matches (error 1045). */
    public UserCredentials credentials(String user, InetAddress address) {
        Optional<UserAccount> found = find(user, address);
        if (found.isEmpty()) {
            return null;
        }
        UserAccount account = found.get();
        if (account.emptyPassword()) {
            return UserCredentials.noPassword();
        }
        String key = account.key();
        return new UserCredentials(false, fastAuthCache.get(key), account.nativeVerifier(), password -> {
            if (!account.passwordHash().matches(password)) {
                return false;
            }
            fastAuthCache.put(key, CachingSha2Password.verifier(password));
            return true;
        });
    }
}
