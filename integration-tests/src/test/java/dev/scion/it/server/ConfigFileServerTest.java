package dev.scion.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * A server started with {@code --config FILE}: the file's settings apply (read-only, autocommit, logging), flags
 * override it (the harness's --port beats the file's), and the query log never shows a password.
 */
class ConfigFileServerTest {

    @Test
    void theFileConfiguresTheServerAndFlagsOverrideIt() throws Exception {
        Path dir = ItConfig.targetDir().resolve("it-data");
        Files.createDirectories(dir);
        Path config = dir.resolve("config-file-" + ProcessHandle.current().pid() + ".yaml");
        Files.writeString(config, """
                # port 1 would fail: the harness's --port flag must win
                listener:
                  port: 1
                  max_connections: 5
                behavior:
                  read_only: true
                  autocommit: false
                log_level: debug
                long_query_time: 0
                """, StandardCharsets.UTF_8);
        try (ScionServerProcess server = ScionServerProcess.start("config-file", List.of("--config", config.toString()));
             Connection c = ConnectorJ.V9.connect(server, null, false);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT @@GLOBAL.read_only, @@max_connections")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
                assertEquals(5, rs.getLong(2));
            }
            // Connector/J turns autocommit on by itself (JDBC says so); the mysql client leaves the server's default
            MysqlCli.Result session = new MysqlCli(server).batch(null, "select @@autocommit", "-N").assertSuccess();
            assertEquals("0", session.stdout().strip(), "sessions start with the configured autocommit");
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE DATABASE nope"));
            assertEquals(1290, e.getErrorCode(), e.toString());
            assertTrue(e.getMessage().contains("--read-only"), e.getMessage());

            // whatever becomes of the statement, its password must not reach the log
            try {
                st.execute("CREATE USER 'bob'@'%' IDENTIFIED BY 'hunter2secret'");
            } catch (SQLException expected) {
                // refused (read-only) or not supported: either way it was logged
            }
            st.executeQuery("SELECT 'marker-after-create-user'").close();

            String log = Files.readString(server.logFile(), StandardCharsets.UTF_8);
            assertTrue(log.contains("Databases: (none)"), "start-up lists the databases\n" + log);
            assertTrue(log.contains("dev.scion.query") && log.contains("marker-after-create-user"),
                    "log_level debug logs every statement\n" + log);
            assertTrue(log.contains("slow query:"), "long_query_time 0 logs every statement as slow\n" + log);
            assertTrue(log.contains("IDENTIFIED BY <secret>"), log);
            assertFalse(log.contains("hunter2secret"), "a password reached the log\n" + log);
        }
    }
}
