package dev.scion.server;

import com.mysql.cj.jdbc.JdbcConnection;
import dev.scion.wire.connection.MySqlConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thread hand-offs of a lone client's one-row writes (issue 10, round 13), with the opt-in
 * {@code -Dscion.wire.idleWritesInline=true}: on a server that runs nothing else, an
 * autocommit write the fast path served before runs on the network thread that read it, so it is never handed to a
 * worker and back, and so do the writes, BEGIN and COMMIT of an explicit transaction. Counts, never times. While
 * another session holds a row lock the write might have to wait for, it takes a worker as before.
 */
class WriteHandOffsTest {
    /**
     * Writes that may take a worker although the client is alone: the rule is "no command of any connection in
     * flight", and the previous connection's closing or a background statement can still be counted for a moment
     * (seen once in 100 on a loaded machine). Without the switch every write takes a worker. A stray no longer drags
     * the next writes along (ReadHandOffsTest shows why); before that, 7 and 11 hand-offs were each seen once.
     */
    private static final int STRAYS = 2;


    @TempDir
    Path dir;

    private static Connection connect(ScionServer server, boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/w?sslMode=DISABLED&connectTimeout=10000&socketTimeout=60000&useServerPrepStmts=" + serverPrepared
                + "&cachePrepStmts=true", "root", "");
    }

    /** Runs {@code statements} on a connection of its own, before the connections a test counts hand-offs of. */
    private static void setUp(ScionServer server, String... statements) throws SQLException {
        try (Connection setup = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?sslMode=DISABLED", "root", ""); Statement s = setup.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static MySqlConnection wire(ScionServer server, Connection c) throws SQLException {
        return server.wire().connection(c.unwrap(JdbcConnection.class).getId());
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    @Test
    void aLoneClientsOneRowWritesAreNeverHandedToAWorker() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.IDLE_WRITES_INLINE, "true");
        // the idle-server rule on its own (the alone-on-its-loop rule would also take the write held up below)
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "false");
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            setUp(server, "CREATE DATABASE w",
                    "CREATE TABLE w.t (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(20) NOT NULL, KEY k (k))",
                    "INSERT INTO w.t VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c')");
            try (Connection text = connect(server, false); Statement s = text.createStatement()) {
                MySqlConnection w = wire(server, text);
                for (int i = 0; i < 5; i++) { // the fast path serves the shapes once; then they may run inline
                    s.executeUpdate("UPDATE t SET c = 'w" + i + "' WHERE id = 1");
                    s.executeUpdate("UPDATE t SET k = k + 1 WHERE id = 2");
                    s.executeUpdate("INSERT INTO t (id, k, c) VALUES (" + (100 + i) + ", 0, 'x')");
                    s.executeUpdate("DELETE FROM t WHERE id = " + (100 + i));
                }
                long queued = w.queuedTasks();
                long inline = w.inlineCommands();
                for (int i = 0; i < 100; i++) {
                    assertEquals(1, s.executeUpdate("UPDATE t SET c = 'u" + i + "' WHERE id = 1"));
                    assertEquals(1, s.executeUpdate("UPDATE t SET k = k + 1 WHERE id = 2"));
                    assertEquals(1, s.executeUpdate("INSERT INTO t (id, k, c) VALUES (" + (200 + i) + ", 0, 'x')"));
                    assertEquals(1, s.executeUpdate("DELETE FROM t WHERE id = " + (200 + i)));
                }
                figure("worker hand-offs of 400 one-row autocommit writes of a lone client (text)",
                        w.queuedTasks() - queued);
                assertTrue(w.queuedTasks() - queued <= STRAYS, "every write but a stray ran on the event loop");
                assertTrue(w.inlineCommands() - inline >= 400 - STRAYS);

                // an explicit transaction (sysbench's write_only): the only row locks are its own, so no hand-off
                queued = w.queuedTasks();
                for (int i = 0; i < 10; i++) {
                    s.execute("BEGIN");
                    s.executeUpdate("UPDATE t SET c = 'tx' WHERE id = 1");
                    s.executeUpdate("UPDATE t SET k = k + 1 WHERE id = 2");
                    s.executeUpdate("DELETE FROM t WHERE id = " + (300 + i));
                    s.executeUpdate("INSERT INTO t (id, k, c) VALUES (" + (300 + i) + ", 0, 'x')");
                    s.execute("COMMIT");
                }
                figure("worker hand-offs of 10 BEGIN, 4 one-row writes, COMMIT transactions of a lone client",
                        w.queuedTasks() - queued);
                assertTrue(w.queuedTasks() - queued <= STRAYS, "BEGIN, the writes and COMMIT ran on the event loop");

                // another session holds a row lock: a write that might wait for it takes a worker
                try (Connection other = connect(server, false); Statement o = other.createStatement()) {
                    o.execute("BEGIN");
                    o.executeUpdate("UPDATE t SET c = 'held' WHERE id = 3");
                    queued = w.queuedTasks();
                    s.executeUpdate("UPDATE t SET c = 'free' WHERE id = 1");
                    assertEquals(1, w.queuedTasks() - queued, "a row lock is held elsewhere");
                    o.execute("ROLLBACK");
                }
            }
            try (Connection prepared = connect(server, true);
                 PreparedStatement update = prepared.prepareStatement("UPDATE t SET c = ? WHERE id = ?")) {
                MySqlConnection w = wire(server, prepared);
                for (int i = 0; i < 5; i++) {
                    update.setString(1, "p" + i);
                    update.setInt(2, 1);
                    update.executeUpdate();
                }
                long queued = w.queuedTasks();
                for (int i = 0; i < 100; i++) {
                    update.setString(1, "q" + i);
                    update.setInt(2, 1);
                    assertEquals(1, update.executeUpdate());
                }
                figure("worker hand-offs of 100 prepared one-row autocommit UPDATEs of a lone client",
                        w.queuedTasks() - queued);
                assertTrue(w.queuedTasks() - queued <= STRAYS, "every execution but a stray ran on the event loop");
            }
            try (Connection check = connect(server, false); Statement s = check.createStatement();
                 var rs = s.executeQuery("SELECT c, (SELECT k FROM t WHERE id = 2), (SELECT COUNT(*) FROM t) "
                         + "FROM t WHERE id = 1")) {
                rs.next();
                assertEquals("q99", rs.getString(1));
                assertEquals(2 + 105 + 10, rs.getInt(2));
                assertEquals(3 + 10, rs.getInt(3));
            }
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.IDLE_WRITES_INLINE);
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    /**
     * With {@code -Dscion.wire.aloneWritesInline=true}: a client with an event loop to itself runs its one-row writes
     * there even while other sessions hold row locks, and a write that must wait for one waits there too; the
     * holder, on a loop of its own, commits and lets it go.
     */
    @Test
    void aClientAloneOnItsEventLoopWritesThereWhileOthersHoldLocks() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "true");
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("alone"), 10))) {
            server.start();
            setUp(server, "CREATE DATABASE w",
                    "CREATE TABLE w.t (id INT PRIMARY KEY, c CHAR(20) NOT NULL)",
                    "INSERT INTO w.t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            try (Connection writer = connect(server, false); Statement s = writer.createStatement();
                 Connection holder = connect(server, false); Statement h = holder.createStatement();
                 Connection watcher = connect(server, false); Statement q = watcher.createStatement()) {
                MySqlConnection w = wire(server, writer);
                for (int i = 0; i < 5; i++) { // the fast path serves the shape once; then it may run inline
                    s.executeUpdate("UPDATE t SET c = 'w" + i + "' WHERE id = 1");
                }
                h.execute("BEGIN");
                h.executeUpdate("UPDATE t SET c = 'held' WHERE id = 3");
                long queued = w.queuedTasks();
                for (int i = 0; i < 100; i++) {
                    assertEquals(1, s.executeUpdate("UPDATE t SET c = 'u" + i + "' WHERE id = 1"));
                }
                figure("worker hand-offs of 100 one-row writes of a client alone on its loop, a lock held elsewhere",
                        w.queuedTasks() - queued);
                assertTrue(w.queuedTasks() - queued <= STRAYS, "the writes ran on the event loop");

                long inline = w.inlineCommands();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    java.util.concurrent.Future<Integer> blocked =
                            pool.submit(() -> s.executeUpdate("UPDATE t SET c = 'after' WHERE id = 3"));
                    boolean waiting = false;
                    for (int i = 0; i < 600 && !waiting; i++) {
                        try (var rs = q.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                + "WHERE STATE = 'Waiting for row lock'")) {
                            rs.next();
                            waiting = rs.getInt(1) == 1;
                        }
                        if (!waiting) {
                            Thread.sleep(50);
                        }
                    }
                    assertTrue(waiting, "the write waits for the holder's lock");
                    h.execute("COMMIT");
                    assertEquals(1, blocked.get(60, java.util.concurrent.TimeUnit.SECONDS));
                } finally {
                    pool.shutdownNow();
                }
                assertEquals(inline + 1, w.inlineCommands(), "the waiting write ran on the event loop");
                try (var rs = q.executeQuery("SELECT c FROM t WHERE id = 3")) {
                    rs.next();
                    assertEquals("after", rs.getString(1));
                }
            }
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    @Test
    void withBothSwitchesOffEveryWriteTakesAWorker() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "false");
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("off"), 10))) {
            server.start();
            setUp(server, "CREATE DATABASE w",
                    "CREATE TABLE w.t (id INT PRIMARY KEY, c CHAR(20) NOT NULL)",
                    "INSERT INTO w.t VALUES (1, 'a')");
            try (Connection text = connect(server, false); Statement s = text.createStatement()) {
                MySqlConnection w = wire(server, text);
                s.executeUpdate("UPDATE t SET c = 'x' WHERE id = 1");
                long queued = w.queuedTasks();
                for (int i = 0; i < 20; i++) {
                    s.executeUpdate("UPDATE t SET c = 'u" + i + "' WHERE id = 1");
                }
                assertEquals(20, w.queuedTasks() - queued);
            }
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }
}
