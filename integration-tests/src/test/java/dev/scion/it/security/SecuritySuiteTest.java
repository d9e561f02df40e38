package dev.scion.it.security;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11's security suite on real servers; each test appends its figures to target/security-figures.txt. */
class SecuritySuiteTest {
    private static final String ROOT_PW = "root-Pw-99";

    @Test
    void noAccessWithoutAuthentication() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("sec-auth", List.of("--root-password", ROOT_PW))) {
            try (Connection root = Accounts.connect(server, "root", ROOT_PW, null)) {
                Sql.exec(root, "CREATE USER carol IDENTIFIED BY 'carol-Pw-1'");
            }
            int attempts = 0;
            for (String[] login : List.of(new String[] {"root", ""}, new String[] {"root", "wrong"},
                    new String[] {"nobody", "x"}, new String[] {"carol", ""}, new String[] {"carol", "carol-pw-1"})) {
                assertEquals(1045, Accounts.loginCode(server, login[0], login[1], null), String.join("/", login));
                attempts++;
            }
            SQLException e = assertThrows(SQLException.class, () -> Accounts.connect(server, "carol", "bad", null));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("Access denied for user 'carol'"), e.getMessage());
            attempts++;
            assertEquals(0, Accounts.loginCode(server, "carol", "carol-Pw-1", null));

            // a client that skips the handshake response and sends a query gets an error, never a result
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                readPacket(in); // the server's greeting
                byte[] query = "\u0003SELECT 1".getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {(byte) query.length, 0, 0, 1});
                out.write(query);
                out.flush();
                byte[] answer = readPacket(in);
                assertEquals(0xFF, answer[0] & 0xFF, "an ERR packet");
                attempts++;
            }
            Accounts.figures("authentication: " + attempts + " login attempts without valid credentials, all refused"
                    + " (1045 / handshake error), 0 let in");
        }
    }

    @Test
    void passwordsNeverAppearInTheLogEvenAtDebug() throws Exception {
        Path config = ItConfig.targetDir().resolve("logback-debug-all.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="STDERR"/></root>
                </configuration>
                """);
        String before = System.getProperty("scion.it.serverJvmArgs");
        // the harness reads the server's JVM options from this property when it starts the process
        System.setProperty("scion.it.serverJvmArgs", String.join(" ", ItConfig.serverJvmArgs())
                + " -Dlogback.configurationFile=" + config.toAbsolutePath());
        List<String> secrets = List.of("Created-Pw-41", "Altered-Pw-42", "SetPw-43", "Wrong-Pw-44", "Dup-Pw-45");
        try (ScionServerProcess server = ScionServerProcess.start("sec-logs")) {
            restore(before);
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "CREATE USER dave IDENTIFIED BY '" + secrets.get(0) + "'");
                assertEquals(0, Accounts.loginCode(server, "dave", secrets.get(0), null));
                Sql.exec(root, "ALTER USER dave IDENTIFIED BY '" + secrets.get(1) + "'");
                assertEquals(0, Accounts.loginCode(server, "dave", secrets.get(1), null));
                Sql.exec(root, "SET PASSWORD FOR dave = '" + secrets.get(2) + "'");
                assertEquals(0, Accounts.loginCode(server, "dave", secrets.get(2), null));
                assertEquals(1045, Accounts.loginCode(server, "dave", secrets.get(3), null));
                assertEquals(1396, Accounts.code(root, "CREATE USER dave IDENTIFIED BY '" + secrets.get(4) + "'"));
                assertEquals(1064, Accounts.code(root, "CREATE USER IDENTIFIED BY '" + secrets.get(4) + "'"));
                List<String> processes = Sql.column(root, "SELECT info FROM information_schema.processlist");
                assertFalse(processes.toString().contains("Pw-"), processes.toString());
            }
            server.stop();
            String log = Files.readString(server.logFile());
            assertTrue(log.contains(" DEBUG "), "the server really logged at DEBUG");
            int checked = 0;
            for (String s : secrets) {
                for (String form : List.of(s, hex("SHA-256", hex("SHA-256", s, false), true),
                        hex("SHA-1", hex("SHA-1", s, false), true))) {
                    assertFalse(log.contains(form), "a password (or its hash) in " + server.logFile());
                    checked++;
                }
            }
            Accounts.figures("logs: " + log.lines().count() + " DEBUG log lines after CREATE/ALTER USER, SET PASSWORD,"
                    + " 4 logins and 2 failing statements; " + checked + " secret forms searched, 0 found");
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty("scion.it.serverJvmArgs");
        } else {
            System.setProperty("scion.it.serverJvmArgs", before);
        }
    }

    /** hex(digest(s)) when {@code asHex}, else the raw digest as ISO-8859-1 text (input for the next round). */
    private static String hex(String algorithm, String s, boolean asHex) throws Exception {
        byte[] d = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.ISO_8859_1));
        return asHex ? HexFormat.of().formatHex(d) : new String(d, StandardCharsets.ISO_8859_1);
    }

    @Test
    void tlsIsEnforcedWhenRequired() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("sec-tls",
                List.of("--root-password", ROOT_PW, "--require-secure-transport"))) {
            Properties plain = new Properties();
            plain.setProperty("user", "root");
            plain.setProperty("password", ROOT_PW);
            plain.setProperty("sslMode", "DISABLED");
            plain.setProperty("allowPublicKeyRetrieval", "true");
            SQLException e = assertThrows(SQLException.class, () -> ConnectorJ.V9.connect(server, null, false, plain));
            assertEquals(3159, e.getErrorCode());
            Properties tls = new Properties();
            tls.setProperty("user", "root");
            tls.setProperty("password", ROOT_PW);
            tls.setProperty("sslMode", "REQUIRED");
            try (Connection c = ConnectorJ.V9.connect(server, null, false, tls)) {
                assertEquals("1", Sql.scalar(c, "SELECT @@require_secure_transport"));
            }
            Accounts.figures("TLS: require_secure_transport on, 1 plain login refused (3159), 1 TLS login accepted");
        }
    }

    @Test
    void repeatedFailedLoginsAreSlowedAndStillGet1045() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("sec-bruteforce",
                List.of("--root-password", ROOT_PW))) {
            int tries = 7;
            for (int i = 0; i < tries; i++) {
                assertEquals(1045, Accounts.loginCode(server, "root", "guess-" + i, null));
            }
            String log = Files.readString(server.logFile());
            long delayed = log.lines().filter(l -> l.contains("consecutive failed logins from 127.0.0.1")).count();
            assertEquals(tries - 3, delayed, "every failure after the third is answered late\n" + log);
            assertTrue(log.contains("7 consecutive failed logins from 127.0.0.1; answering after 2000 ms"), log);
            assertEquals(0, Accounts.loginCode(server, "root", ROOT_PW, null), "the right password still works");
            assertEquals(1045, Accounts.loginCode(server, "root", "after-success", null));
            long after = Files.readString(server.logFile()).lines()
                    .filter(l -> l.contains("consecutive failed logins from 127.0.0.1")).count();
            assertEquals(delayed, after, "a successful login starts the count again");
            Accounts.figures("brute force: " + (tries + 1) + " wrong passwords from one host, all 1045, "
                    + delayed + " answered late (500 ms more each after 3, capped at 10 s), count reset by a success");
        }
    }

    @Test
    void remotesApiChecksPrivilegesPerDatabase() throws Exception {
        int api = ScionServerProcess.freePort();
        try (ScionServerProcess server = ScionServerProcess.start("sec-remotes",
                List.of("--remotesapi-port", Integer.toString(api)))) {
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "CREATE DATABASE hub");
                Sql.exec(root, "CREATE DATABASE other");
                Sql.exec(root, "CREATE USER reader IDENTIFIED BY 'r-Pw', writer IDENTIFIED BY 'w-Pw', "
                        + "nobody IDENTIFIED BY 'n-Pw'");
                Sql.exec(root, "GRANT SELECT ON hub.* TO reader");
                Sql.exec(root, "GRANT SELECT, INSERT, UPDATE, DELETE ON hub.* TO writer");
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api;
            int checks = 0;
            Object[][] cases = {
                {"reader", "r-Pw", "GET", "/hub/refs", 200},
                {"reader", "r-Pw", "GET", "/other/refs", 403},
                {"reader", "r-Pw", "POST", "/hub/ref", 403},
                {"nobody", "n-Pw", "GET", "/hub/refs", 403},
                {"reader", "wrong", "GET", "/hub/refs", 401},
                {null, null, "GET", "/hub/refs", 401},
                {"writer", "w-Pw", "GET", "/hub/refs", 200},
            };
            for (Object[] c : cases) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c[3]));
                if (c[0] != null) {
                    b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (c[0] + ":" + c[1]).getBytes(StandardCharsets.UTF_8)));
                }
                b = c[2].equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString("refs/heads/x\n\n\n"));
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(c[4], r.statusCode(), c[0] + " " + c[2] + " " + c[3] + ": " + r.body());
                checks++;
            }
            // the writer's ref update passes the privilege check (and then fails on its bogus body, not with 401/403)
            HttpRequest write = HttpRequest.newBuilder(URI.create(base + "/hub/ref"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "writer:w-Pw".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("refs/heads/x\nnot-a-hash\n")).build();
            int status = http.send(write, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(status != 401 && status != 403, "status " + status);
            checks++;
            Accounts.figures("remotes API: " + checks + " requests (fetch needs SELECT, push needs INSERT/UPDATE/DELETE"
                    + " on the database), 0 wrong answers");
        }
    }

    @Test
    void revisionDatabasesRefuseWrites() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("sec-revisions");
             Connection root = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(root, "CREATE DATABASE rev");
            Sql.exec(root, "USE rev");
            Sql.exec(root, "CREATE TABLE t (id INT PRIMARY KEY)");
            Sql.exec(root, "CALL dolt_commit('-Am', 'one')");
            Sql.exec(root, "CALL dolt_tag('v1')");
            String hash = Sql.scalar(root, "SELECT commit_hash FROM dolt_log LIMIT 1");
            int refused = 0;
            for (String db : List.of("rev/" + hash, "rev/v1")) {
                for (String sql : List.of("INSERT INTO `" + db + "`.t VALUES (2)", "DELETE FROM `" + db + "`.t",
                        "CREATE TABLE `" + db + "`.u (id INT PRIMARY KEY)", "DROP TABLE `" + db + "`.t")) {
                    assertEquals(1105, Accounts.code(root, sql), sql + " (read-only database)");
                    refused++;
                }
            }
            assertEquals("0", Sql.scalar(root, "SELECT count(*) FROM rev.t"));
            Accounts.figures("revision databases: " + refused + " writes to a commit hash and a tag, all refused");
        }
    }

    private static byte[] readPacket(InputStream in) throws Exception {
        byte[] header = in.readNBytes(4);
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        return in.readNBytes(length);
    }
}
