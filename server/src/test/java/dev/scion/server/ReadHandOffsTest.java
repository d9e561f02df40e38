package dev.scion.server;

import com.mysql.cj.jdbc.JdbcConnection;
import dev.scion.wire.connection.MySqlConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thread hand-offs of a client's point selects that follow a statement which needed a worker (sysbench's read_only
 * mixes the two). The worker's answer and its leaving the connection's queue are one event-loop step, so the point
 * select that the client sends on reading that answer always finds the queue empty and runs on the event loop.
 * Before, the worker left the queue only after returning, and a point select that came back sooner (about one in
 * five here) was handed to a worker too, and so, often, was the one after it. Counts, never times.
 */
class ReadHandOffsTest {
    private static final int ROUNDS = 200;

    @TempDir
    Path dir;

    @Test
    void aPointSelectAfterAWorkersAnswerRunsOnTheEventLoop() throws Exception {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?sslMode=DISABLED&useServerPrepStmts=false", "root", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE r");
                s.execute("USE r");
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, c CHAR(20) NOT NULL)");
                s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
                assertEquals("a", one(s, "SELECT c FROM t WHERE id = 1")); // the fast path learns the shape
                MySqlConnection w = server.wire().connection(c.unwrap(JdbcConnection.class).getId());
                long queued = w.queuedTasks();
                long inline = w.inlineCommands();
                for (int i = 0; i < ROUNDS; i++) {
                    assertEquals("3", one(s, "SELECT COUNT(*) FROM t WHERE c <> 'x'")); // a scan: a worker runs it
                    assertEquals("b", one(s, "SELECT c FROM t WHERE id = 2"));
                }
                long handedOff = w.queuedTasks() - queued;
                long ranInline = w.inlineCommands() - inline;
                System.out.println("FIGURE worker hand-offs of " + ROUNDS + " scans, each followed by a point select = "
                        + handedOff);
                assertEquals(ROUNDS, handedOff, "only the scans took a worker");
                assertEquals(ROUNDS, ranInline, "every point select ran on the event loop");
                assertTrue(w.inlineCommands() > 0);
            }
        }
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
