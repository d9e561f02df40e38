package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.scion.wire.testsupport.RawClient.BASE_CAPS;
import static dev.scion.wire.testsupport.RawClient.CLIENT_DEPRECATE_EOF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeAuthTest {

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void handshakeAdvertisesVersionCapabilitiesAndPlugin() throws IOException {
        RawClient a = fixture.open();
        RawClient.Handshake h = a.readHandshake();
        assertEquals(10, h.protocol());
        assertEquals("8.0.40-scion", h.serverVersion());
        assertEquals("caching_sha2_password", h.plugin());
        assertEquals(20, h.nonce().length);
        for (byte b : h.nonce()) {
            assertTrue(b != 0 && b != '$', "nonce bytes are printable-safe");
        }
        int required = 0x200 | 0x8000 | 0x80000 | 0x200000 | 0x8 | 0x100000 | 0x1000000 | 0x10000 | 0x20000
                | 0x40000 | 0x2 | 0x2000 | 0x1 | 0x4 | 0x80;
        assertEquals(required, h.capabilities() & required);
        assertEquals(0, h.capabilities() & 0x800000, "SESSION_TRACK off");
        assertEquals(0, h.capabilities() & 0x800, "no SSL yet");
        assertEquals(0x0002, h.status());

        RawClient b = fixture.open();
        RawClient.Handshake h2 = b.readHandshake();
        assertTrue(h2.connectionId() > h.connectionId(), "connection ids increase");
        assertNotEquals(new String(h.nonce(), StandardCharsets.ISO_8859_1),
                new String(h2.nonce(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void fastAuthWithPasswordSendsFastAuthSuccessThenOk() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS | CLIENT_DEPRECATE_EOF, "alice", "secret", "mydb/feature",
                "caching_sha2_password");
        assertArrayEquals(new byte[] {0x01, 0x03}, p);
        byte[] ok = c.readPacket();
        assertEquals(0x00, ok[0]);
        assertEquals(0x0002, RawClient.Ok.parse(ok).status());
        var session = fixture.handler.lastSession();
        assertEquals("alice", session.info.user());
        assertEquals("mydb/feature", session.info.database());
        assertEquals("wire-test", session.info.connectAttributes().get("program_name"));
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void wrongPasswordIsAccessDenied() throws IOException {
        RawClient c = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> c.connect(BASE_CAPS, "alice", "wrong", null, "caching_sha2_password"));
        assertEquals(1045, e.err.code());
        assertEquals("28000", e.err.sqlState());
        assertEquals("Access denied for user 'alice'@'127.0.0.1' (using password: YES)", e.err.message());
        assertTrue(c.isClosedByServer());
        assertEquals(0, fixture.handler.sessions.size());
    }

    @Test
    void missingPasswordAndUnknownUserAreAccessDenied() throws IOException {
        RawClient c = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> c.connect(BASE_CAPS, "alice", "", null, "caching_sha2_password"));
        assertEquals("Access denied for user 'alice'@'127.0.0.1' (using password: NO)", e.err.message());

        RawClient d = fixture.open();
        e = assertThrows(RawClient.ServerError.class,
                () -> d.connect(BASE_CAPS, "nobody", "x", null, "caching_sha2_password"));
        assertEquals(1045, e.err.code());
        assertEquals("Access denied for user 'nobody'@'127.0.0.1' (using password: YES)", e.err.message());
    }

    @Test
    void emptyPasswordAccountAcceptsEmptyResponseButNotAPassword() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "root", new byte[0], null, "caching_sha2_password");
        assertEquals(0x00, p[0], "plain OK, no fast-auth marker");

        RawClient d = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> d.connect(BASE_CAPS, "root", "something", null, "caching_sha2_password"));
        assertEquals(1045, e.err.code());
    }

    @Test
    void nativePasswordClientIsVerifiedDirectly() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "alice", "secret", null, "mysql_native_password");
        assertEquals(0x00, p[0]);

        RawClient d = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> d.connect(BASE_CAPS, "alice", "nope", null, "mysql_native_password"));
        assertEquals(1045, e.err.code());
    }

    @Test
    void nativeOnlyAccountIsSwitchedToNativePasswordWithFreshNonce() throws IOException {
        RawClient c = fixture.open();
        RawClient.Handshake h = c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "bob", "native", null, "caching_sha2_password");
        assertEquals(0xfe, p[0] & 0xff, "AuthSwitchRequest");
        RawClient.Reader r = new RawClient.Reader(p);
        r.int1();
        assertEquals("mysql_native_password", r.nulString());
        byte[] data = r.rest();
        assertEquals(21, data.length, "20-byte nonce + NUL");
        byte[] nonce = java.util.Arrays.copyOf(data, 20);
        assertNotEquals(new String(h.nonce(), StandardCharsets.ISO_8859_1), new String(nonce, StandardCharsets.ISO_8859_1));
        c.writePacket(RawClient.scramble("mysql_native_password", "native", nonce));
        byte[] ok = c.readPacket();
        assertEquals(0x00, ok[0]);
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void nativeAuthSwitchWithWrongPasswordIsDenied() throws IOException {
        RawClient c = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> c.connect(BASE_CAPS, "bob", "wrong", null, "caching_sha2_password"));
        assertEquals(1045, e.err.code());
    }

    @Test
    void sha2OnlyAccountSwitchesNativeClientsToCachingSha2() throws IOException {
        RawClient c = fixture.open();
        byte[] ok = c.connect(BASE_CAPS, "carol", "sha", null, "mysql_native_password");
        assertEquals(0x00, ok[0]);
    }

    @Test
    void unknownPluginWithAnEmptyPasswordIsSwitchedToo() throws IOException {
        // libmariadb's "dummy_fallback_auth" (when loading caching_sha2 races between threads) would answer a
        // direct OK with a stray empty packet; MySQL switches it to the real plugin first, and so do we
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "root", new byte[0], null, "dummy_fallback_auth");
        assertEquals(0xfe, p[0] & 0xff, "AuthSwitchRequest, not OK");
        RawClient.Reader r = new RawClient.Reader(p);
        r.int1();
        assertEquals("caching_sha2_password", r.nulString());
        c.writePacket(new byte[0]);
        assertEquals(0x00, c.readPacket()[0]);
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void unknownPluginIsSwitched() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "alice", "whatever".getBytes(StandardCharsets.UTF_8), null,
                "client_ed25519");
        assertEquals(0xfe, p[0] & 0xff);
        assertEquals(0x00, c.finishAuth(p, "secret")[0]);
    }

    @Test
    void fullAuthenticationThroughRsaKeyExchange() throws IOException {
        RawClient c = fixture.open();
        byte[] ok = c.connect(BASE_CAPS, "dave", "plain", null, "caching_sha2_password");
        assertEquals(0x00, ok[0]);
        assertEquals("dave", fixture.handler.lastSession().info.user());

        RawClient wrong = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> wrong.connect(BASE_CAPS, "dave", "nope", null, "caching_sha2_password"));
        assertEquals(1045, e.err.code());
        assertEquals("28000", e.err.sqlState());
        assertEquals("Access denied for user 'dave'@'127.0.0.1' (using password: YES)", e.err.message());
        assertTrue(wrong.isClosedByServer());
    }

    @Test
    void fullAuthenticationRefusesCleartextOnPlainConnection() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "dave", "plain", null, "caching_sha2_password");
        assertArrayEquals(new byte[] {0x01, 0x04}, p);
        c.writePacket("plain\0".getBytes(StandardCharsets.UTF_8));
        RawClient.Err err = RawClient.Err.parse(c.readPacket());
        assertEquals(1045, err.code());
        assertTrue(c.isClosedByServer());
    }

    @Test
    void credentialsFailureAndRefusedSessionAreErrors() throws IOException {
        RawClient c = fixture.open();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> c.connect(BASE_CAPS, "broken", "", null, "caching_sha2_password"));
        assertEquals(1105, e.err.code());

        RawClient d = fixture.open();
        e = assertThrows(RawClient.ServerError.class,
                () -> d.connect(BASE_CAPS, "root", "", "nosuchdb", "caching_sha2_password"));
        assertEquals(1049, e.err.code());
        assertEquals("42000", e.err.sqlState());
        assertTrue(d.isClosedByServer());
    }

    @Test
    void garbageHandshakeResponseIsBadHandshake() throws IOException {
        RawClient c = fixture.open();
        c.readHandshake();
        c.writePacket(new byte[] {1, 2, 3}, 1);
        byte[] p = c.readPacket();
        assertEquals(1043, RawClient.Err.parse(p).code());
        assertTrue(c.isClosedByServer());
    }

    @Test
    void changeUserReauthenticatesAndOpensANewSession() throws IOException {
        RawClient c = fixture.connect();
        var first = fixture.handler.lastSession();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("alice".getBytes(StandardCharsets.UTF_8));
        b.write(0);
        b.write(0); // empty auth response: the server switches anyway
        b.writeBytes("otherdb".getBytes(StandardCharsets.UTF_8));
        b.write(0);
        b.write(255);
        b.write(0);
        b.writeBytes("caching_sha2_password".getBytes(StandardCharsets.UTF_8));
        b.write(0);
        b.write(0); // no attributes
        c.command(0x11, b.toByteArray());
        byte[] p = c.readPacket();
        assertEquals(0xfe, p[0] & 0xff);
        byte[] ok = c.finishAuth(p, "secret");
        assertEquals(0x00, ok[0]);
        assertEquals(1, first.closeCount.get());
        var second = fixture.handler.lastSession();
        assertEquals("alice", second.info.user());
        assertEquals("otherdb", second.info.database());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }
}
