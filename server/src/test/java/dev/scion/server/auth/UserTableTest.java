package dev.scion.server.auth;

import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.auth.CachingSha2Password;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTableTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static InetAddress remote() throws Exception {
        return InetAddress.getByName("192.0.2.7");
    }

    @Test
    void passwordHashChecksAndRoundTripsItsTextForm() {
        PasswordHash h = PasswordHash.of("s3cret");
        assertTrue(h.matches("s3cret"));
        assertFalse(h.matches("s3cret "));
        assertFalse(h.matches(""));
        PasswordHash parsed = PasswordHash.parse(h.toString());
        assertTrue(parsed.matches("s3cret"));
        assertNotEquals(h.toString(), PasswordHash.of("s3cret").toString(), "salted");
    }

    @Test
    void fastAuthVerifierIsCachedOnlyAfterFullAuthentication() {
        UserTable users = new UserTable();
        users.createUser("app", HostPattern.ANY, "pw");
        UserCredentials first = users.credentials("app", LOOPBACK);
        assertNull(first.sha2Verifier(), "nothing cached before a full authentication");
        assertFalse(first.plaintextCheck().test("wrong"));
        assertNull(users.credentials("app", LOOPBACK).sha2Verifier(), "a failed check caches nothing");
        assertTrue(first.plaintextCheck().test("pw"));
        assertArrayEquals(CachingSha2Password.verifier("pw"), users.credentials("app", LOOPBACK).sha2Verifier());

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
        users.createUser("root", new HostPattern("192.0.2.7"), "exact");
        assertTrue(users.credentials("root", remote()).plaintextCheck().test("exact"));
        assertEquals(3, users.accounts().size());
    }
}
