package dev.scion.server.remotes;

import dev.scion.server.auth.HostPattern;
import dev.scion.server.auth.UserTable;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RemotesAuthenticatorTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("10.1.2.3", 40000);

    private static UserTable users() {
        UserTable users = new UserTable();
        users.createUser("root", HostPattern.ANY, "s3cret");
        users.createUser("local", HostPattern.LOCALHOST, "");
        return users;
    }

    @Test
    void passwordsAreCheckedAgainstTheServerAccounts() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), false);
        assertEquals(RemoteAccess.WRITE, auth.access("root", "s3cret", ELSEWHERE));
        assertEquals(RemoteAccess.NONE, auth.access("root", "wrong", ELSEWHERE));
        assertEquals(RemoteAccess.NONE, auth.access("root", "", LOOPBACK));
        assertEquals(RemoteAccess.NONE, auth.access("nobody", "", LOOPBACK));
        assertEquals(RemoteAccess.NONE, auth.access(null, null, LOOPBACK));
    }

    @Test
    void hostPatternsApplyAsOnTheMySqlPort() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), false);
        assertEquals(RemoteAccess.WRITE, auth.access("local", null, LOOPBACK));
        assertEquals(RemoteAccess.NONE, auth.access("local", null, ELSEWHERE));
        assertEquals(RemoteAccess.NONE, auth.access("local", "x", LOOPBACK));
    }

    @Test
    void aReadOnlyApiNeverGrantsWrite() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), true);
        assertEquals(RemoteAccess.READ, auth.access("root", "s3cret", ELSEWHERE));
        assertEquals(RemoteAccess.NONE, auth.access("root", "wrong", ELSEWHERE));
    }
}
