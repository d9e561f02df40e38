package dev.scion.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SET SESSION wait_timeout is what decides when an idle connection is closed (error 4031). */
class WaitTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void sessionWaitTimeoutClosesTheIdleConnection() throws Exception {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?sslMode=DISABLED", "root", "");
                 Statement st = c.createStatement()) {
                st.execute("SET SESSION wait_timeout = 1");
                Thread.sleep(3000); // idle for longer than the session's wait_timeout
                SQLException gone = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
                assertTrue(gone.getErrorCode() == 4031 || "08S01".equals(gone.getSQLState()), gone.toString());
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.wire().connectionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, server.wire().connectionCount());
        }
    }
}
