package dev.scion.it.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 10's automatic garbage collection on a running server: writers rewrite large rows over and over (every
 * rewrite leaves the old tree nodes behind) with a 4 MiB threshold; the server collects by itself while they
 * write, the database's directory stays far below what was written, and every acknowledged value is there,
 * before and after a restart.
 */
class AutoGcTest {
    private static final long THRESHOLD = 4L << 20;
    private static final int ROWS = 2000;
    private static final int WRITERS = 2;
    private static final int ROWS_PER_UPDATE = 100;
    /** Payload rewritten before the collections are looked at: 20 times the threshold. */
    private static final long PAYLOAD_TO_WRITE = 80L << 20;
    /** A bound on the rounds, so a server that never collects fails instead of hanging. */
    private static final int MAX_ROUNDS_PER_WRITER = 4000;

    @ManagedServer(value = "autogc", args = {"--auto-gc-threshold", "" + THRESHOLD},
            managedOnly = "measures the data directory, so needs a managed server")
    static ScionServerProcess server;

    static Connection connect(String db) throws SQLException {
        return ConnectorJ.V9.connect(server, db, false);
    }

    @Test
    void theSettingsAreSystemVariables() throws SQLException {
        try (Connection c = connect(null)) {
            assertEquals("1", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
            assertEquals(String.valueOf(THRESHOLD), Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc_threshold"));
            Sql.exec(c, "SET GLOBAL scion_auto_gc_threshold = " + (THRESHOLD * 2));
            assertEquals(String.valueOf(THRESHOLD * 2), Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc_threshold"));
            Sql.exec(c, "SET GLOBAL scion_auto_gc_threshold = " + THRESHOLD);
            Sql.exec(c, "SET GLOBAL scion_auto_gc = OFF");
            assertEquals("0", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
            SQLException bad = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> Sql.exec(c, "SET GLOBAL scion_auto_gc = 'sometimes'"));
            assertEquals(1231, bad.getErrorCode());
            Sql.exec(c, "SET GLOBAL scion_auto_gc = ON");
            assertEquals("1", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
        }
    }

    @Test
    void rewritesAreCollectedWhileWritersRunAndNothingAcknowledgedIsLost() throws Exception {
        try (Connection c = connect(null)) {
            Sql.exec(c, "CREATE DATABASE auto_gc");
            Sql.exec(c, "USE auto_gc");
            Sql.exec(c, "CREATE TABLE t (id INT PRIMARY KEY, w INT, v VARCHAR(1000), KEY w_idx (w))");
            Random random = new Random(7);
            for (int batch = 0; batch < ROWS / 250; batch++) {
                StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
                for (int i = 0; i < 250; i++) {
                    int id = batch * 250 + i;
                    sb.append(i == 0 ? "" : ",").append('(').append(id).append(", 0, '")
                            .append(OnlineGcTest.hex(random, 900)).append("')");
                }
                Sql.exec(c, sb.toString());
            }
            Sql.exec(c, "CALL dolt_commit('-Am', 'rows')");
        }
        int collectionsBefore = collectionsLogged();

        // the value each row was last acknowledged with (its w is the round that wrote it)
        Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicLong written = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                write(writer, stop, acknowledged, written);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        int collections = collectionsLogged() - collectionsBefore;
        assertTrue(collections >= 3, "the server collected by itself while the writers ran: " + collections
                + " collections after " + (written.get() >> 20) + " MB of rewrites");

        // Once the writers stop, what grew since the last collection is either below the threshold or collected
        // at the next check: the directory comes back to about the live data plus one threshold (the live rows
        // take about 2 MB), whatever the machine's speed. Polled, with a bound so a failure cannot hang.
        long bound = 4 * THRESHOLD;
        long size = size();
        for (int i = 0; i < 120 && size >= bound; i++) {
            Thread.sleep(1000);
            size = size();
        }
        assertTrue(size < bound, "the directory stays bounded: " + (size >> 20) + " MB after "
                + (written.get() >> 20) + " MB of rewritten rows");
        checkEverythingThere(acknowledged);
        server.restart();
        checkEverythingThere(acknowledged);
    }

    /**
     * Rewrites blocks of rows in this writer's half of the table, one autocommit statement at a time, until the
     * writers together rewrote {@link #PAYLOAD_TO_WRITE} bytes and three automatic collections were logged.
     */
    private static void write(int writer, AtomicBoolean stop, Map<Integer, Integer> acknowledged, AtomicLong written)
            throws SQLException {
        int half = ROWS / WRITERS;
        try (Connection c = connect("auto_gc")) {
            for (int round = 1; round <= MAX_ROUNDS_PER_WRITER && !stop.get(); round++) {
                int from = writer * half + (round * ROWS_PER_UPDATE) % half;
                int to = from + ROWS_PER_UPDATE - 1;
                // a new value for every row, 896 hex digits of hashes: nothing for compression to fold
                Sql.exec(c, "UPDATE t SET w = " + round + ", v = " + valueSql(round) + " WHERE id BETWEEN " + from
                        + " AND " + to);
                for (int id = from; id <= to; id++) {
                    acknowledged.put(id, round);
                }
                if (written.addAndGet(ROWS_PER_UPDATE * 900L) >= PAYLOAD_TO_WRITE && round % 10 == 0) {
                    if (collectionsLogged() >= 3) {
                        stop.set(true);
                    }
                }
            }
        }
    }

    private static void checkEverythingThere(Map<Integer, Integer> acknowledged) throws SQLException {
        try (Connection c = connect("auto_gc")) {
            assertEquals(String.valueOf(ROWS), Sql.scalar(c, "SELECT count(*) FROM t"));
            int checked = 0;
            for (List<String> row : Sql.rows(c, "SELECT id, w, v FROM t WHERE w > 0")) {
                int id = Integer.parseInt(row.get(0));
                int round = Integer.parseInt(row.get(1));
                Integer expected = acknowledged.get(id);
                if (expected == null) {
                    continue;
                }
                assertEquals(expected, round, "row " + id + " holds its last acknowledged write");
                assertEquals(value(id, round), row.get(2));
                checked++;
            }
            assertEquals(acknowledged.size(), checked, "every rewritten row is found through the index on w");
            assertEquals(String.valueOf(ROWS), Sql.scalar(c, "SELECT count(*) FROM t WHERE w >= 0"));
        }
    }

    /** Seven SHA-512 digests of "id/round/k". */
    private static String valueSql(int round) {
        return "CONCAT(" + String.join(", ", java.util.stream.IntStream.range(0, 7)
                .mapToObj(k -> "SHA2(CONCAT(id, '/" + round + "/" + k + "'), 512)").toList()) + ")";
    }

    /** What {@link #valueSql} computes for a row. */
    private static String value(int id, int round) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int k = 0; k < 7; k++) {
                byte[] d = java.security.MessageDigest.getInstance("SHA-512")
                        .digest((id + "/" + round + "/" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sb.append(java.util.HexFormat.of().formatHex(d));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    private static int collectionsLogged() {
        try {
            return (int) Files.readAllLines(server.logFile()).stream()
                    .filter(l -> l.contains("automatic garbage collection of auto_gc (")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size() {
        return OnlineGcTest.size(server.dataDir().resolve("auto_gc"));
    }
}
