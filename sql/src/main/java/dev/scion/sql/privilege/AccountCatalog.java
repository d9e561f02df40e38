package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every account and grant of a server, persisted in one file of the data directory ({@link CatalogFile}).
 *
 * <p>Readers see an immutable snapshot; a change edits a copy ({@link #change}) that is written to disk (synced,
 * atomically replaced) before it becomes visible, so a statement either changes the accounts completely and
 * durably or not at all.
 */
public final class AccountCatalog {
    /** The catalog's file in the data directory (a dot name, so it is never taken for a database). */
    public static final String FILE_NAME = ".scion_privileges.json";

    private final CatalogFile file;
    private volatile Map<Account, AccountRecord> accounts;

    private AccountCatalog(CatalogFile file, Map<Account, AccountRecord> accounts) {
        this.file = file;
        this.accounts = Map.copyOf(accounts);
    }

    /** The catalog kept in {@code path} (empty when the file does not exist yet). */
    public static AccountCatalog open(Path path) {
        CatalogFile file = new CatalogFile(path);
        try {
            return new AccountCatalog(file, file.read());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accounts in " + path, e);
        }
    }

    /** A catalog that is never written (tests, embedded engines without a data directory). */
    public static AccountCatalog inMemory() {
        return new AccountCatalog(null, Map.of());
    }

    public Optional<AccountRecord> find(Account account) {
        return Optional.ofNullable(accounts.get(account));
    }

    public Collection<AccountRecord> all() {
        return accounts.values();
    }

    /**
     * Applies {@code edit} to a copy of the accounts and installs the result once it is on disk. {@code edit}
     * throws (a {@link SqlError}) to abandon the change.
     */
    public synchronized void change(Consumer<Map<Account, AccountRecord>> edit) {
        Map<Account, AccountRecord> copy = new LinkedHashMap<>(accounts);
        edit.accept(copy);
        if (copy.equals(accounts)) {
            return;
        }
        if (file != null) {
            try {
                file.write(copy.values());
            } catch (IOException e) {
                throw new SqlError(ErrorCode.UNKNOWN_ERROR, "cannot save the accounts: " + e.getMessage(), e);
            }
        }
        accounts = Map.copyOf(copy);
    }

    /**
     * Makes sure {@code account} exists with {@code password} (empty: no password) and every privilege with
     * GRANT OPTION: the superuser the server's configuration names. The stored verifier is kept when it already
     * matches, so an unchanged configuration does not rewrite the file.
     */
    public void ensureSuperuser(Account account, String password) {
        change(map -> {
            AccountRecord existing = map.get(account);
            StoredPassword stored;
            if (password == null || password.isEmpty()) {
                stored = null;
            } else if (existing != null && existing.password() != null && existing.password().matches(password)) {
                stored = existing.password();
            } else {
                stored = StoredPassword.of(password);
            }
            EnumSet<Privilege> all = EnumSet.copyOf(Privilege.all(Privilege.Level.GLOBAL));
            all.add(Privilege.GRANT_OPTION);
            AccountRecord base = existing == null ? AccountRecord.create(account, stored) : existing.withPassword(stored);
            map.put(account, base.withGranted(GrantScope.GLOBAL, all));
        });
    }

    /** The accounts in a stable order (user, then host): mysql.user and tests read them like this. */
    public List<AccountRecord> sorted() {
        return accounts.values().stream()
                .sorted((a, b) -> {
                    int c = a.account().user().compareTo(b.account().user());
                    return c != 0 ? c : a.account().host().compareTo(b.account().host());
                })
                .toList();
    }
}
