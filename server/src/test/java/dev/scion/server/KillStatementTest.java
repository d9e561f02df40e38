package dev.scion.server;

import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KILL [CONNECTION | QUERY] n from another connection, through the SQL engine and the wire registry. */
class KillStatementTest {

    @TempDir
    Path dir;

    private static Connection connect(ScionServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?sslMode=DISABLED&connectTimeout=10000&socketTimeout=60000&allowLoadLocalInfile=true", "root", "");
    }

    /**
     * A statement that is certainly running: LOAD DATA LOCAL reading a file that the test hands out line by line.
     * The first read proves the statement started; the stream then waits for the KILL before giving more.
     */
    @Test
    void killQueryInterruptsARunningStatementAndKeepsTheConnection() throws Exception {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection killer = connect(server); Connection victim = connect(server);
                 Statement ks = killer.createStatement(); Statement vs = victim.createStatement()) {
                ks.execute("SET GLOBAL local_infile = 1");
                ks.execute("CREATE DATABASE k");
                ks.execute("CREATE TABLE k.t (id INT PRIMARY KEY)");
                long victimId = victim.unwrap(JdbcConnection.class).getId();
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
                java.io.InputStream file = new java.io.InputStream() {
                    private int line;
                    private byte[] current = new byte[0];
                    private int pos;

                    @Override
                    public int read() throws java.io.IOException {
                        if (pos == current.length) {
                            if (line == 5) {
                                started.countDown();
                                try {
                                    killed.await();
                                } catch (InterruptedException e) {
                                    throw new java.io.InterruptedIOException();
                                }
                            }
                            if (line == 20_000) {
                                return -1;
                            }
                            current = (++line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                            pos = 0;
                        }
                        return current[pos++];
                    }
                };
                vs.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(file);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    java.util.concurrent.Future<Integer> load = pool.submit(
                            () -> vs.executeUpdate("LOAD DATA LOCAL INFILE 'any' INTO TABLE k.t"));
                    started.await();
                    ks.execute("KILL QUERY " + victimId);
                    killed.countDown();
                    java.util.concurrent.ExecutionException e = assertThrows(
                            java.util.concurrent.ExecutionException.class, load::get);
                    SQLException cause = (SQLException) e.getCause();
                    assertEquals(1317, cause.getErrorCode(), cause.toString());
                    assertEquals("70100", cause.getSQLState());
                } finally {
                    pool.shutdownNow();
                }
                assertEquals(1, selectOne(victim), "KILL QUERY leaves the connection usable");
                try (ResultSet rs = ks.executeQuery("SELECT COUNT(*) FROM k.t")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getLong(1), "the interrupted statement wrote nothing");
                }
            }
        }
    }

    private static long selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void killQueryAndKillConnection() throws SQLException {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection killer = connect(server); Connection victim = connect(server);
                 Statement st = killer.createStatement()) {
                long victimId = victim.unwrap(JdbcConnection.class).getId();
                assertEquals(2, server.wire().connectionCount());

                // an idle connection has no query to interrupt: it stays usable
                st.execute("KILL QUERY " + victimId);
                assertEquals(1, selectOne(victim));

                st.execute("KILL CONNECTION " + victimId);
                assertThrows(SQLException.class, () -> selectOne(victim));
                assertEquals(1, selectOne(killer));

                SQLException unknown = assertThrows(SQLException.class, () -> st.execute("KILL 987654"));
                assertEquals(1094, unknown.getErrorCode());
                assertEquals("Unknown thread id: 987654", unknown.getMessage());
            }
        }
    }
}
