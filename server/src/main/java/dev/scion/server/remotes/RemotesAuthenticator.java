package dev.scion.server.remotes;

import dev.scion.server.auth.HostPattern;
import dev.scion.server.auth.UserTable;
import dev.scion.sql.privilege.AccessPolicy;
import dev.scion.sql.privilege.AccountRecord;
import dev.scion.sql.privilege.Privilege;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Checks a remotes-API client's HTTP Basic credentials against the server's accounts (the same {@link UserTable}
 * the MySQL protocol logs in against, host patterns included) and its privileges on the database it names:
 * fetch and clone need SELECT; push needs INSERT, UPDATE and DELETE on the database, what the writing dolt_*
 * procedures need, since a push can change every table.
 */
public final class RemotesAuthenticator {
    private final UserTable users;
    private final boolean readOnly;

    /** @param readOnly whether the API refuses every write, whatever the user's privileges */
    public RemotesAuthenticator(UserTable users, boolean readOnly) {
        this.users = users;
        this.readOnly = readOnly;
    }

    /** root with no password from loopback only: what a fresh server accepts on the MySQL port. */
    public static RemotesAuthenticator loopbackRoot(boolean readOnly) {
        UserTable users = new UserTable();
        users.catalog().ensureSuperuser(new dev.scion.sql.privilege.Account("root", HostPattern.LOCALHOST.text()), "");
        return new RemotesAuthenticator(users, readOnly);
    }

    /** What the client may do with {@code database}. */
    public RemoteAccess access(String user, String password, InetSocketAddress remote, String database) {
        if (user == null || remote == null || remote.getAddress() == null) {
            return RemoteAccess.NONE;
        }
        Optional<AccountRecord> account = users.find(user, remote.getAddress());
        if (account.isEmpty() || !users.checkPassword(account.get(), password)) {
            return RemoteAccess.NONE;
        }
        AccessPolicy policy = AccessPolicy.of(users.catalog(), account.get().account());
        boolean write = policy.has(Privilege.INSERT, database, null) && policy.has(Privilege.UPDATE, database, null)
                && policy.has(Privilege.DELETE, database, null);
        if (write && !readOnly) {
            return RemoteAccess.WRITE;
        }
        return policy.has(Privilege.SELECT, database, null) ? RemoteAccess.READ : RemoteAccess.FORBIDDEN;
    }
}
