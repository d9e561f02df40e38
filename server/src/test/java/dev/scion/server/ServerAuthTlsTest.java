package dev.scion.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real ScionServer on a free port with a root password and its self-signed TLS certificate. */
class ServerAuthTlsTest {

    @TempDir
    Path dir;

    private ScionServer start(ServerConfig config) {
        ScionServer server = new ScionServer(config);
        server.start();
        return server;
    }

    private static Connection connect(ScionServer server, String user, String password, String options)
            throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?connectTimeout=10000&socketTimeout=60000&" + options, user, password);
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1 + 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void rootPasswordFullAuthThenFastAuthFromTheCache() throws SQLException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10).withRootPassword("s3cret");
        try (ScionServer server = start(config)) {
            // first login: nothing cached, full authentication with the password in clear inside TLS
            try (Connection c = connect(server, "root", "s3cret", "sslMode=REQUIRED")) {
                assertEquals(2, selectOne(c));
            }
            // now the fast-auth verifier is cached: a plain connection needs no RSA key
            try (Connection c = connect(server, "root", "s3cret", "sslMode=DISABLED")) {
                assertEquals(2, selectOne(c));
            }
            SQLException wrong = assertThrows(SQLException.class,
                    () -> connect(server, "root", "nope", "sslMode=DISABLED"));
            assertEquals(1045, wrong.getErrorCode());
            assertEquals("28000", wrong.getSQLState());
            assertTrue(wrong.getMessage().contains("Access denied for user 'root'@'127.0.0.1' (using password: YES)"),
                    wrong.getMessage());
            SQLException none = assertThrows(SQLException.class,
                    () -> connect(server, "root", "", "sslMode=DISABLED"));
            assertEquals(1045, none.getErrorCode());
            assertTrue(none.getMessage().contains("(using password: NO)"), none.getMessage());
            SQLException unknown = assertThrows(SQLException.class,
                    () -> connect(server, "mallory", "x", "sslMode=DISABLED"));
            assertEquals(1045, unknown.getErrorCode());
        }
    }

    @Test
    void changeUserChecksThePasswordAgain() throws SQLException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10).withRootPassword("s3cret");
        try (ScionServer server = start(config)) {
            try (Connection c = connect(server, "root", "s3cret", "sslMode=REQUIRED")) {
                var jdbc = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
                jdbc.changeUser("root", "s3cret"); // COM_CHANGE_USER: a new session after a fresh challenge
                assertEquals(2, selectOne(c));
                SQLException wrong = assertThrows(SQLException.class, () -> jdbc.changeUser("root", "nope"));
                assertEquals(1045, wrong.getErrorCode());
            }
        }
    }

    @Test
    void rsaKeyExchangeWithoutTls() throws SQLException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10).withRootPassword("s3cret");
        try (ScionServer server = start(config)) {
            try (Connection c = connect(server, "root", "s3cret", "sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
                assertEquals(2, selectOne(c));
            }
        }
    }

    @Test
    void selfSignedCertificateIsCreatedAtFirstStartAndKept() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10)
                .withRequireSecureTransport(true);
        Path store = config.selfSignedKeyStore();
        byte[] first;
        try (ScionServer server = start(config)) {
            assertTrue(Files.isRegularFile(store));
            first = Files.readAllBytes(store);
            SQLException plain = assertThrows(SQLException.class,
                    () -> connect(server, "root", "", "sslMode=DISABLED"));
            assertEquals(3159, plain.getErrorCode());
            try (Connection c = connect(server, "root", "", "sslMode=REQUIRED");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT @@have_ssl, @@require_secure_transport")) {
                assertTrue(rs.next());
                assertEquals("YES", rs.getString(1));
                assertEquals(1, rs.getLong(2));
            }
        }
        try (ScionServer server = start(config)) {
            assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(Files.readAllBytes(store)));
            try (Connection c = connect(server, "root", "", "sslMode=REQUIRED")) {
                assertEquals(2, selectOne(c));
            }
        }
    }
}
