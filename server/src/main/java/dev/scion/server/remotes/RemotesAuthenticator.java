package dev.scion.server.remotes;

import java.net.InetSocketAddress;

/**
 * Checks a remotes-API client's HTTP Basic credentials against the server's accounts. It follows the MySQL
 * side's rules (today: root with an empty password, from loopback only, as {@code EngineHandler} accepts);
 * when users and privileges land, this is the one place to ask them instead.
 */
public final class RemotesAuthenticator {
    private final boolean readOnly;

    /** @param readOnly whether the API refuses every write, whatever the user's privileges */
    public RemotesAuthenticator(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public RemoteAccess access(String user, String password, InetSocketAddress remote) {
        if (user == null) {
            return RemoteAccess.NONE;
        }
        boolean loopback = remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
        if (!"root".equals(user) || !loopback || (password != null && !password.isEmpty())) {
            return RemoteAccess.NONE;
        }
        return readOnly ? RemoteAccess.READ : RemoteAccess.WRITE;
    }
}
