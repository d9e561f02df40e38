package dev.scion.server.remotes;

import dev.scion.server.auth.HostPattern;
import dev.scion.server.auth.UserAccount;
import dev.scion.server.auth.UserTable;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Checks a remotes-API client's HTTP Basic credentials against the server's accounts (the same {@link UserTable}
 * the MySQL protocol logs in against, host patterns included). Privileges are not modelled yet, so every account
 * may read and write unless the API is read-only; when grants land, this is the one place to ask them.
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
        users.createUser("root", HostPattern.LOCALHOST, "");
        return new RemotesAuthenticator(users, readOnly);
    }

    public RemoteAccess access(String user, String password, InetSocketAddress remote) {
        if (user == null || remote == null || remote.getAddress() == null) {
            return RemoteAccess.NONE;
        }
        Optional<UserAccount> account = users.find(user, remote.getAddress());
        if (account.isEmpty()) {
            return RemoteAccess.NONE;
        }
        String given = password == null ? "" : password;
        boolean ok = account.get().emptyPassword() ? given.isEmpty() : account.get().passwordHash().matches(given);
        if (!ok) {
            return RemoteAccess.NONE;
        }
        return readOnly ? RemoteAccess.READ : RemoteAccess.WRITE;
    }
}
