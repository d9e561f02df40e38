package dev.scion.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mysql.cj.jdbc.JdbcStatement;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

/**
 * SIGTERM stops the server in order: a statement that is running when the signal arrives finishes and its client
 * gets the result; a new connection meanwhile is refused with 1053; an open transaction is rolled back; the stores
 * are closed and the process exits 0. A restart then shows exactly the committed data.
 */
class ShutdownTest {
    private static final int ROWS = 3000;

    @Test
    void sigtermLetsTheRunningStatementFinishAndRollsBackOpenTransactions() throws Exception {
        ScionServerProcess server = ScionServerProcess.start("shutdown");
        try {
            Properties local = new Properties();
            local.setProperty("allowLoadLocalInfile", "true");
            try (Connection admin = ConnectorJ.V9.connect(server, null, false);
                 Statement st = admin.createStatement()) {
                st.execute("SET GLOBAL local_infile = 1");
                st.execute("CREATE DATABASE sd");
                st.execute("CREATE TABLE sd.loaded (id INT PRIMARY KEY)");
                st.execute("CREATE TABLE sd.pending (id INT PRIMARY KEY)");
            }
            Connection open = ConnectorJ.V9.connect(server, "sd", false);
            Statement os = open.createStatement();
            os.execute("BEGIN");
            os.execute("INSERT INTO pending VALUES (1), (2)");

            Connection loader = ConnectorJ.V9.connect(server, "sd", false, local);
            Statement ls = loader.createStatement();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ls.unwrap(JdbcStatement.class).setLocalInfileInputStream(new HeldFile(started, release));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> load = pool.submit(() -> ls.executeUpdate("LOAD DATA LOCAL INFILE 'rows' INTO TABLE loaded"));
                assertTrue(started.await(ItConfig.clientTimeout().toSeconds(), TimeUnit.SECONDS),
                        "the LOAD DATA statement started");

                CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop, pool);
                awaitLog(server, "Received SIGTERM");

                // the listener is still open while statements drain, but no new session is admitted
                SQLException refused = assertThrows(SQLException.class, () -> ConnectorJ.V9.connect(server, "sd", false));
                assertEquals(1053, refused.getErrorCode(), refused.toString());

                release.countDown();
                assertEquals(ROWS, load.get(ItConfig.clientTimeout().toSeconds(), TimeUnit.SECONDS),
                        "the running statement finished and its client got the result");
                stopping.get(ItConfig.stopTimeout().toSeconds(), TimeUnit.SECONDS);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            assertEquals(0, server.exitCode(), server.logTail(40));
            assertThrows(SQLException.class, () -> os.execute("SELECT 1"), "the open connection was closed");
            open.close();
            loader.close();

            server.startAgain();
            try (Connection c = ConnectorJ.V9.connect(server, "sd", false); Statement st = c.createStatement()) {
                assertEquals(ROWS, count(st, "loaded"), "the statement that ran during shutdown committed");
                assertEquals(0, count(st, "pending"), "the open transaction was rolled back");
            }
        } finally {
            server.close();
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static void awaitLog(ScionServerProcess server, String text) throws Exception {
        long deadline = System.nanoTime() + ItConfig.stopTimeout().toNanos();
        while (!Files.readString(server.logFile(), StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server never logged '" + text + "'\n" + server.logTail(40));
            }
            Thread.sleep(50);
        }
    }

    /** ROWS lines of ids; after the first few it waits until the test releases it. */
    private static final class HeldFile extends InputStream {
        private final CountDownLatch started;
        private final CountDownLatch release;
        private int line;
        private byte[] current = new byte[0];
        private int pos;

        HeldFile(CountDownLatch started, CountDownLatch release) {
            this.started = started;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            if (pos == current.length) {
                if (line == 5) {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                }
                if (line == ROWS) {
                    return -1;
                }
                current = (++line + "\n").getBytes(StandardCharsets.US_ASCII);
                pos = 0;
            }
            return current[pos++];
        }
    }
}
