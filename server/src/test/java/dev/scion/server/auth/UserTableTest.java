package dev.scion.server.auth;

import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.AccountCatalog;
import dev.scion.sql.privilege.StoredPassword;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTableTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static InetAddress remote() throws Exception {
        return InetAddress.getByName("192.0.2.7");
    }

    @Test
    void fastAuthVerifiersAreCachedOnlyAfterFullAuthentication() {
        UserTable users = new UserTable();
        users.createUser("app", HostPattern.ANY, "pw");
        UserCredentials first = users.credentials("app", LOOPBACK);
        assertNull(first.sha2Verifier(), "nothing cached before a full authentication");
        assertNull(first.nativeVerifier(), "no mysql_native_password verifier is stored");
        assertFalse(first.plaintextCheck().test("wrong"));
        assertNull(users.credentials("app", LOOPBACK).sha2Verifier(), "a failed check caches nothing");
        assertTrue(first.plaintextCheck().test("pw"));
        UserCredentials second = users.credentials("app", LOOPBACK);
        assertArrayEquals(CachingSha2Password.verifier("pw"), second.sha2Verifier());
        assertArrayEquals(NativePassword.verifier("pw"), second.nativeVerifier());

        users.createUser("app", HostPattern.ANY, "new");
        assertNull(users.credentials("app", LOOPBACK).sha2Verifier(), "a new password drops the cached verifier");
    }

    @Test
    void hostsMatchMostSpecificFirst() throws Exception {
        UserTable users = new UserTable();
        users.createUser("root", HostPattern.LOCALHOST, "");
        assertTrue(users.credentials("root", LOOPBACK).emptyPassword());
        assertNull(users.credentials("root", remote()), "no password: loopback only");
        assertNull(users.credentials("nobody", LOOPBACK));

        users.createUser("root", HostPattern.ANY, "pw");
        assertTrue(users.credentials("root", LOOPBACK).emptyPassword(), "'root'@'localhost' beats '%'");
        assertFalse(users.credentials("root", remote()).emptyPassword());
        users.createUser("root", new HostPattern("192.0.2.%"), "subnet");
        assertTrue(users.credentials("root", remote()).plaintextCheck().test("subnet"), "a pattern beats '%'");
        users.createUser("root", new HostPattern("192.0.2.7"), "exact");
        assertTrue(users.credentials("root", remote()).plaintextCheck().test("exact"), "an address beats a pattern");
        assertEquals(4, users.accounts().size());
    }

    @Test
    void onlyTheCachingSha2VerifierReachesTheDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(AccountCatalog.FILE_NAME);
        UserTable users = new UserTable(AccountCatalog.open(file));
        users.createUser("app", HostPattern.ANY, "Sw0rdfish-secret");
        assertTrue(users.credentials("app", LOOPBACK).plaintextCheck().test("Sw0rdfish-secret"));
        String text = Files.readString(file);
        assertFalse(text.contains("Sw0rdfish-secret"), text);
        assertTrue(text.contains("$A$005$"), text);
        String fastAuth = java.util.HexFormat.of().formatHex(CachingSha2Password.verifier("Sw0rdfish-secret"));
        assertFalse(text.toLowerCase().contains(fastAuth), "the fast-auth verifier stays in memory");

        UserTable reopened = new UserTable(AccountCatalog.open(file));
        assertNull(reopened.credentials("app", LOOPBACK).sha2Verifier(), "a restart forgets the cache");
        assertTrue(reopened.credentials("app", LOOPBACK).plaintextCheck().test("Sw0rdfish-secret"));
        StoredPassword stored = reopened.catalog().find(new Account("app", "%")).orElseThrow().password();
        assertTrue(stored.matches("Sw0rdfish-secret"));
    }
}
