package dev.scion.wire;

import dev.scion.wire.auth.RsaKeyFiles;
import dev.scion.wire.auth.RsaPasswordExchange;
import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static dev.scion.wire.testsupport.RawClient.BASE_CAPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The caching_sha2_password RSA key pair kept in a file: created at first start with owner-only permissions, and
 * the same key served after a restart, so a client that pinned the public key keeps logging in.
 */
class RsaKeyPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void keyPairIsCreatedPrivateAndSurvivesARestart() throws IOException {
        Path keyFile = dir.resolve("tls/rsa_private_key.pem");
        WireConfig config = WireConfig.defaults().withPort(0).withRsaKeyFile(keyFile);

        byte[] firstKey;
        try (ServerFixture first = new ServerFixture(config)) {
            firstKey = fullAuthWithFetchedKey(first);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertArrayEquals(Files.readAllBytes(RsaKeyFiles.publicKeyFile(keyFile)), firstKey,
                "the .pub file holds the key clients are sent");
        assertFalse(Files.exists(keyFile.resolveSibling("rsa_private_key.pem.tmp")));

        try (ServerFixture second = new ServerFixture(config)) {
            assertArrayEquals(firstKey, fullAuthWithFetchedKey(second), "a restart keeps the key pair");
            // a client that pinned the first run's key (mysql --server-public-key-path) skips the key request
            RawClient pinned = second.open();
            RawClient.Handshake handshake = pinned.readHandshake();
            byte[] p = pinned.sendHandshakeResponse(BASE_CAPS, "dave", "plain", null, "caching_sha2_password");
            assertArrayEquals(new byte[] {0x01, 0x04}, p);
            pinned.writePacket(RsaPasswordExchange.encryptForServer(firstKey, "plain", handshake.nonce()));
            assertEquals(0x00, pinned.readPacket()[0]);
        }
    }

    @Test
    void withoutAKeyFileEachServerHasItsOwnKey() throws IOException {
        byte[] a;
        byte[] b;
        try (ServerFixture first = new ServerFixture()) {
            a = fullAuthWithFetchedKey(first);
        }
        try (ServerFixture second = new ServerFixture()) {
            b = fullAuthWithFetchedKey(second);
        }
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void damagedKeyFileStopsTheServerFromStarting() throws IOException {
        Path keyFile = dir.resolve("rsa_private_key.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        WireConfig config = WireConfig.defaults().withPort(0).withRsaKeyFile(keyFile);
        WireServer server = new WireServer(config, new dev.scion.wire.testsupport.FakeHandler());
        IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
        server.close();
        assertEquals(keyFile + " does not hold a readable RSA private key", e.getMessage());
    }

    /** Logs in as dave (cleartext check only, so always full authentication) and returns the PEM key received. */
    private static byte[] fullAuthWithFetchedKey(ServerFixture fixture) throws IOException {
        RawClient c = fixture.open();
        RawClient.Handshake handshake = c.readHandshake();
        byte[] p = c.sendHandshakeResponse(BASE_CAPS, "dave", "plain", null, "caching_sha2_password");
        assertArrayEquals(new byte[] {0x01, 0x04}, p);
        c.writePacket(new byte[] {RsaPasswordExchange.REQUEST_PUBLIC_KEY});
        byte[] packet = c.readPacket();
        assertEquals(0x01, packet[0]);
        byte[] pem = Arrays.copyOfRange(packet, 1, packet.length);
        assertEquals("-----BEGIN PUBLIC KEY-----", new String(pem, StandardCharsets.US_ASCII).lines().findFirst()
                .orElseThrow());
        c.writePacket(RsaPasswordExchange.encryptForServer(pem, "plain", handshake.nonce()));
        assertEquals(0x00, c.readPacket()[0]);
        return pem;
    }
}
