package dev.scion.it.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * The garbage-making load of the automatic collection tests: a table of large rows that writers rewrite block by
 * block, one autocommit UPDATE at a time, so every statement leaves the tree nodes it replaced behind. Remembers the
 * value each row was last acknowledged with, so a test can prove that nothing acknowledged was lost.
 */
final class RewriteWorkload {
    static final int ROWS = 2000;
    private static final int WRITERS = 2;
    private static final int ROWS_PER_UPDATE = 100;
    /** A bound on the rounds, so a stop condition that never comes true fails instead of hanging. */
    private static final int MAX_ROUNDS_PER_WRITER = 4000;

    private final ScionServerProcess server;
    private final String db;
    /** The round each row was last acknowledged with (its column w holds the round that wrote it). */
    private final Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();

    RewriteWorkload(ScionServerProcess server, String db) {
        this.server = server;
        this.db = db;
    }

    /** Creates the database and its table of {@link #ROWS} rows of about 900 bytes, committed. */
    void load() throws SQLException {
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(c, "CREATE DATABASE " + db);
            Sql.exec(c, "USE " + db);
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
    }

    /**
     * Runs the writers until they rewrote at least {@code payloadBytes} and {@code enough} holds (asked every tenth
     * round once the payload is written), or until the round bound.
     */
    void rewrite(long payloadBytes, BooleanSupplier enough) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    write(writer, payloadBytes, enough, stop);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Bytes of row values rewritten so far. */
    long written() {
        return written.get();
    }

    private void write(int writer, long payloadBytes, BooleanSupplier enough, AtomicBoolean stop)
            throws SQLException {
        int half = ROWS / WRITERS;
        try (Connection c = ConnectorJ.V9.connect(server, db, false)) {
            for (int round = 1; round <= MAX_ROUNDS_PER_WRITER && !stop.get(); round++) {
                int from = writer * half + (round * ROWS_PER_UPDATE) % half;
                int to = from + ROWS_PER_UPDATE - 1;
                // a new value for every row, 896 hex digits of hashes: nothing for compression to fold
                Sql.exec(c, "UPDATE t SET w = " + round + ", v = " + valueSql(round) + " WHERE id BETWEEN " + from
                        + " AND " + to);
                for (int id = from; id <= to; id++) {
                    acknowledged.put(id, round);
                }
                if (written.addAndGet(ROWS_PER_UPDATE * 900L) >= payloadBytes && round % 10 == 0
                        && enough.getAsBoolean()) {
                    stop.set(true);
                }
            }
        }
    }

    /** Every row is there, and each rewritten one holds its last acknowledged value, found through the index too. */
    void checkEverythingThere() throws SQLException {
        try (Connection c = ConnectorJ.V9.connect(server, db, false)) {
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

    /** Automatic collections of this database the server logged so far. */
    int collectionsLogged() {
        try {
            return (int) Files.readAllLines(server.logFile()).stream()
                    .filter(l -> l.contains("automatic garbage collection of " + db + " (")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of the database's directory. */
    long directorySize() {
        return OnlineGcTest.size(server.dataDir().resolve(db));
    }

    /**
     * Asserts that the directory comes below {@code bound}, polling a bounded while since a collection may still be
     * running when the writers stop.
     */
    void assertDirectoryComesBelow(long bound) throws InterruptedException {
        long size = directorySize();
        for (int i = 0; i < 120 && size >= bound; i++) {
            Thread.sleep(1000);
            size = directorySize();
        }
        assertTrue(size < bound, "the directory stays bounded: " + (size >> 20) + " MB after "
                + (written.get() >> 20) + " MB of rewritten rows");
    }

    /** Seven SHA-512 digests of "id/round/k". */
    private static String valueSql(int round) {
        return "CONCAT(" + String.join(", ", IntStream.range(0, 7)
                .mapToObj(k -> "SHA2(CONCAT(id, '/" + round + "/" + k + "'), 512)").toList()) + ")";
    }

    /** What {@link #valueSql} computes for a row. */
    private static String value(int id, int round) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int k = 0; k < 7; k++) {
                byte[] d = MessageDigest.getInstance("SHA-512")
                        .digest((id + "/" + round + "/" + k).getBytes(StandardCharsets.UTF_8));
                sb.append(HexFormat.of().formatHex(d));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }
}
