package dev.scion.server.remotes;

import dev.scion.server.auth.HostPattern;
import dev.scion.server.auth.UserTable;
import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.GrantScope;
import dev.scion.sql.privilege.Privilege;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RemotesAuthenticatorTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("10.1.2.3", 40000);

    private static UserTable users() {
        UserTable users = new UserTable();
        users.catalog().ensureSuperuser(new Account("root", "%"), "s3cret");
        users.catalog().ensureSuperuser(new Account("local", "localhost"), "");
        users.createUser("reader", HostPattern.ANY, "r");
        users.createUser("nobody", HostPattern.ANY, "n");
        users.catalog().change(map -> map.put(new Account("reader", "%"), map.get(new Account("reader", "%"))
                .withGranted(GrantScope.database("shop"), EnumSet.of(Privilege.SELECT))));
        return users;
    }

    @Test
    void passwordsAreCheckedAgainstTheServerAccounts() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), false);
        assertEquals(RemoteAccess.WRITE, auth.access("root", "s3cret", ELSEWHERE, "shop"));
        assertEquals(RemoteAccess.WRITE, auth.access("root", "s3cret", ELSEWHERE, "shop"), "cached check agrees");
        assertEquals(RemoteAccess.NONE, auth.access("root", "wrong", ELSEWHERE, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("root", "", LOOPBACK, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("ghost", "", LOOPBACK, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access(null, null, LOOPBACK, "shop"));
    }

    @Test
    void hostPatternsApplyAsOnTheMySqlPort() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), false);
        assertEquals(RemoteAccess.WRITE, auth.access("local", null, LOOPBACK, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("local", null, ELSEWHERE, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("local", "x", LOOPBACK, "shop"));
    }

    @Test
    void privilegesOnTheDatabaseDecideReadAndWrite() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), false);
        assertEquals(RemoteAccess.READ, auth.access("reader", "r", ELSEWHERE, "shop"), "SELECT: fetch and clone");
        assertEquals(RemoteAccess.READ, auth.access("reader", "r", ELSEWHERE, "SHOP"), "names ignore case");
        assertEquals(RemoteAccess.FORBIDDEN, auth.access("reader", "r", ELSEWHERE, "other"));
        assertEquals(RemoteAccess.FORBIDDEN, auth.access("nobody", "n", ELSEWHERE, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("nobody", "wrong", ELSEWHERE, "shop"));
    }

    @Test
    void aReadOnlyApiNeverGrantsWrite() {
        RemotesAuthenticator auth = new RemotesAuthenticator(users(), true);
        assertEquals(RemoteAccess.READ, auth.access("root", "s3cret", ELSEWHERE, "shop"));
        assertEquals(RemoteAccess.NONE, auth.access("root", "wrong", ELSEWHERE, "shop"));
    }
}
