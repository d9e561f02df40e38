package dev.scion.it.wire;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server with a root password and its self-signed certificate: caching_sha2 full authentication over
 * TLS and through the RSA key exchange, fast authentication once cached, require_secure_transport, and the
 * mariadb CLI with --ssl. The server is started here with the options the harness does not pass.
 */
class TlsAuthTest {

    private static final String PASSWORD = "s3cret-pw";

    /** A scion sql-server process with extra options, on a free port. */
    private static final class Server implements AutoCloseable {
        final int port;
        final Process process;
        final Path log;

        Server(String name, String... options) throws IOException, InterruptedException {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path dir = ItConfig.targetDir().resolve("it-data").resolve(name + "-" + ProcessHandle.current().pid());
            Files.createDirectories(ItConfig.targetDir().resolve("it-logs"));
            log = ItConfig.targetDir().resolve("it-logs").resolve(dir.getFileName() + ".log");
            List<String> cmd = new ArrayList<>(List.of(ItConfig.javaExecutable()));
            cmd.addAll(ItConfig.serverJvmArgs());
            cmd.addAll(List.of("-jar", ItConfig.serverJar().toString(), "sql-server", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--data-dir", dir.toString()));
            cmd.addAll(List.of(options));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + ItConfig.startTimeout().toNanos();
            while (!accepts()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("server did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }

        private boolean accepts() {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        Connection connect(ConnectorJ driver, String password, String... options) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", "root");
            p.setProperty("password", password);
            p.setProperty("connectTimeout", "30000");
            p.setProperty("socketTimeout", "60000");
            for (String o : options) {
                String[] kv = o.split("=", 2);
                p.setProperty(kv[0], kv[1]);
            }
            return driver.driver().connect("jdbc:mysql://127.0.0.1:" + port + "/", p);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server did not stop on SIGTERM");
            }
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private record Cli(int exitCode, String output) {
    }

    private static Cli cli(int port, String password, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ItConfig.mysqlCli(), "--no-defaults", "-h", "127.0.0.1", "-P",
                Integer.toString(port), "--protocol=TCP", "-u", "root", "-p" + password));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-N", "-e", "select 1 + 1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Cli(p.exitValue(), out);
    }

    @Test
    void requireSecureTransportWithRootPassword() throws Exception {
        try (Server server = new Server("tls-required", "--root-password", PASSWORD, "--require-secure-transport")) {
            for (ConnectorJ driver : ConnectorJ.values()) {
                // the first login of a run caches nothing yet: full authentication, password in clear inside TLS
                try (Connection c = server.connect(driver, PASSWORD, "sslMode=REQUIRED")) {
                    assertEquals("YES", one(c, "SELECT @@have_ssl"), driver.label());
                    assertEquals("1", one(c, "SELECT @@require_secure_transport"));
                }
                SQLException plain = assertThrows(SQLException.class,
                        () -> server.connect(driver, PASSWORD, "sslMode=DISABLED"));
                assertEquals(3159, plain.getErrorCode(), driver.label());
                SQLException wrong = assertThrows(SQLException.class,
                        () -> server.connect(driver, "not-it", "sslMode=REQUIRED"));
                assertEquals(1045, wrong.getErrorCode(), driver.label());
                assertEquals("28000", wrong.getSQLState());
            }
            Cli tls = cli(server.port, PASSWORD, "--ssl");
            assertEquals(0, tls.exitCode(), tls.output());
            assertEquals("2", tls.output().strip());
            Cli plain = cli(server.port, PASSWORD, "--skip-ssl");
            assertNotEquals(0, plain.exitCode());
            assertTrue(plain.output().contains("3159"), plain.output());
        }
    }

    @Test
    void rsaKeyExchangeThenFastAuthentication() throws Exception {
        try (Server server = new Server("tls-rsa", "--root-password", PASSWORD)) {
            // plain connection, nothing cached: without the public key the driver cannot send the password
            SQLException noKey = assertThrows(SQLException.class,
                    () -> server.connect(ConnectorJ.V9, PASSWORD, "sslMode=DISABLED"));
            assertTrue(noKey.getMessage().contains("Public Key Retrieval"), noKey.getMessage());
            // ... with it: RSA-OAEP encrypted password
            try (Connection c = server.connect(ConnectorJ.V9, PASSWORD, "sslMode=DISABLED",
                    "allowPublicKeyRetrieval=true")) {
                assertEquals("0", one(c, "SELECT @@require_secure_transport"));
            }
            // now cached: fast authentication on a plain connection needs no key
            try (Connection c = server.connect(ConnectorJ.V9, PASSWORD, "sslMode=DISABLED")) {
                assertEquals("2", one(c, "SELECT 1 + 1"));
            }
            // the mariadb client over a plain connection (fast auth from the cache)
            Cli plain = cli(server.port, PASSWORD, "--skip-ssl");
            assertEquals(0, plain.exitCode(), plain.output());
            assertEquals("2", plain.output().strip());
        }
    }
}
