package dev.scion.wire;

import dev.scion.wire.testsupport.ServerFixture;
import dev.scion.wire.tls.SelfSignedKeyStore;
import dev.scion.wire.tls.TlsContexts;
import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS after SSLRequest and caching_sha2 full authentication, with Connector/J and the mariadb CLI against a
 * server holding a self-signed certificate made by keytool.
 */
class TlsTest {

    @TempDir
    static Path dir;
    private static SslContext tls;
    private ServerFixture fixture;

    @BeforeAll
    static void certificate() {
        Path store = SelfSignedKeyStore.ensure(dir.resolve("tls/server.p12"));
        tls = TlsContexts.fromPkcs12(store, SelfSignedKeyStore.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(boolean require) {
        fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTls(tls, require));
    }

    private Connection connect(String user, String password, String options) throws SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + fixture.port() + "/test?connectTimeout=10000&socketTimeout=30000&"
                + options;
        return DriverManager.getConnection(url, user, password);
    }

    private static void selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void keyStoreIsCreatedOnceAndKeptPrivate() throws Exception {
        Path store = dir.resolve("tls/server.p12");
        long modified = Files.getLastModifiedTime(store).toMillis();
        assertEquals(store, SelfSignedKeyStore.ensure(store));
        assertEquals(modified, Files.getLastModifiedTime(store).toMillis());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store)));
    }

    @Test
    void connectorJFastAuthOverTls() throws SQLException {
        start(false);
        try (Connection c = connect("alice", "secret", "sslMode=REQUIRED")) {
            selectOne(c);
        }
        assertTrue(fixture.handler.lastSession().info.secureTransport());
    }

    @Test
    void connectorJFullAuthenticationOverTls() throws SQLException {
        start(false);
        // dave has no fast-auth verifier: the password goes in clear, inside TLS
        try (Connection c = connect("dave", "plain", "sslMode=REQUIRED")) {
            selectOne(c);
        }
        assertTrue(fixture.handler.lastSession().info.secureTransport());
        SQLException e = assertThrows(SQLException.class, () -> connect("dave", "wrong", "sslMode=REQUIRED"));
        assertEquals(1045, e.getErrorCode());
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void connectorJFullAuthenticationThroughRsaKey() throws SQLException {
        start(false);
        try (Connection c = connect("dave", "plain", "sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
            selectOne(c);
        }
        assertFalse(fixture.handler.lastSession().info.secureTransport());
        SQLException e = assertThrows(SQLException.class,
                () -> connect("dave", "wrong", "sslMode=DISABLED&allowPublicKeyRetrieval=true"));
        assertEquals(1045, e.getErrorCode());
        assertTrue(e.getMessage().contains("Access denied for user 'dave'@'127.0.0.1' (using password: YES)"),
                e.getMessage());
    }

    @Test
    void requireSecureTransportRefusesPlainConnections() throws SQLException {
        start(true);
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "secret", "sslMode=DISABLED"));
        assertEquals(3159, e.getErrorCode());
        try (Connection c = connect("alice", "secret", "sslMode=REQUIRED")) {
            selectOne(c);
        }
    }

    @Test
    void pemCertificateAndKey() throws Exception {
        // the self-signed pair written out as PEM, the way openssl or a CA would hand it over
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("tls/server.p12"))) {
            store.load(in, SelfSignedKeyStore.PASSWORD);
        }
        String alias = store.aliases().nextElement();
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(store.getCertificate(alias).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(store.getKey(alias, SelfSignedKeyStore.PASSWORD).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTls(TlsContexts.fromPem(cert, key), true));
        try (Connection c = connect("alice", "secret", "sslMode=REQUIRED")) {
            selectOne(c);
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.fromPem(key, cert));
        assertTrue(bad.getMessage().contains("cannot use TLS certificate"), bad.getMessage());
    }

    @Test
    void mariadbCliWithSsl() throws Exception {
        Path cli = Path.of("/usr/bin/mariadb");
        assumeTrue(Files.isExecutable(cli), "mariadb client not installed");
        start(true);
        for (String[] account : new String[][] {{"alice", "secret"}, {"dave", "plain"}}) {
            List<String> cmd = new ArrayList<>(List.of(cli.toString(), "--no-defaults", "-h", "127.0.0.1",
                    "-P", String.valueOf(fixture.port()), "--protocol=TCP", "--ssl", "-u", account[0],
                    "-p" + account[1], "--connect-timeout=10", "-e", "select 1"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals("1\n1\n", out);
            assertTrue(fixture.handler.lastSession().info.secureTransport());
        }
    }
}
