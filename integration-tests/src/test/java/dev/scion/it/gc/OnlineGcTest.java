package dev.scion.it.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 3's garbage collection on a running server: dolt_gc runs again and again while JDBC clients write
 * (autocommit statements, explicit transactions, version commits); afterwards every acknowledged row is
 * there, every index agrees with its table, and a restart sees the same. Garbage really leaves the disk.
 */
class OnlineGcTest {
    @ManagedServer(value = "gc", managedOnly = "measures the data directory, so needs a managed server")
    static ScionServerProcess server;

    static Connection connect(String db) throws SQLException {
        return ConnectorJ.V9.connect(server, db, false);
    }

    @Test
    void collectionsDuringConcurrentWritesLoseNothing() throws Exception {
        try (Connection c = connect(null)) {
            Sql.exec(c, "CREATE DATABASE gc_live");
            Sql.exec(c, "USE gc_live");
            Sql.exec(c, "CREATE TABLE t (id INT PRIMARY KEY, w INT, v VARCHAR(200), KEY w_idx (w))");
            Sql.exec(c, "CALL dolt_commit('-Am', 'schema')");
        }
        int writers = 4;
        int collections = 6;
        AtomicBoolean stop = new AtomicBoolean();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> write(writer, stop, acknowledged)));
        }
        Future<List<String>> gc = pool.submit(() -> {
            List<String> statuses = new ArrayList<>();
            try (Connection c = connect("gc_live")) {
                for (int i = 0; i < collections; i++) {
                    // wait for fresh writes between collections (progress, not time)
                    int seen = acknowledged.size();
                    while (acknowledged.size() < seen + 40) {
                        Thread.onSpinWait();
                    }
                    statuses.add(Sql.scalar(c, i % 2 == 0 ? "CALL dolt_gc()" : "SELECT dolt_gc()"));
                    assertEquals(List.of(), Sql.rows(c, "SHOW WARNINGS"), "no reachable chunk may be missing");
                }
            } finally {
                stop.set(true);
            }
            return statuses;
        });
        assertEquals(List.of("0", "0", "0", "0", "0", "0"), gc.get());
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertTrue(acknowledged.size() >= collections * 40, "writers made progress: " + acknowledged.size());

        checkEverythingThere(acknowledged);
        server.restart();
        checkEverythingThere(acknowledged);
        try (Connection c = connect("gc_live")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL dolt_gc()")) {
                assertEquals("status", rs.getMetaData().getColumnLabel(1));
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
        checkEverythingThere(acknowledged);
    }

    /** Inserts rows of its own id range, mixing autocommit, explicit transactions and version commits. */
    private static void write(int writer, AtomicBoolean stop, Set<Integer> acknowledged) {
        try (Connection c = connect("gc_live")) {
            int next = writer * 1_000_000;
            for (int round = 0; !stop.get(); round++) {
                try {
                    if (round % 3 == 0) {
                        Sql.exec(c, "BEGIN");
                        List<Integer> ids = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            int id = next++;
                            Sql.exec(c, "INSERT INTO t VALUES (" + id + ", " + (id % 97) + ", 'row " + id + "')");
                            ids.add(id);
                        }
                        Sql.exec(c, "COMMIT");
                        acknowledged.addAll(ids);
                    } else if (round % 3 == 1) {
                        int id = next++;
                        Sql.exec(c, "INSERT INTO t VALUES (" + id + ", " + (id % 97) + ", 'row " + id + "')");
                        acknowledged.add(id);
                        // rewrite an earlier row of ours: the old leaf becomes garbage
                        Sql.exec(c, "UPDATE t SET v = 'updated " + round + "' WHERE id = " + (writer * 1_000_000));
                    } else if (writer == 0 && round % 30 == 2) {
                        Sql.exec(c, "CALL dolt_commit('-Am', 'writer 0 round " + round + "')");
                    }
                } catch (SQLException e) {
                    // A transaction that lost to concurrent merges is rolled back and not counted.
                    // dolt_commit racing the other writers' transactions may be told to retry, too.
                    boolean retry = e.getErrorCode() == 1213 || String.valueOf(e.getMessage()).contains("retry");
                    if (!retry) {
                        throw e;
                    }
                    Sql.exec(c, "ROLLBACK");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkEverythingThere(Set<Integer> acknowledged) throws SQLException {
        try (Connection c = connect("gc_live")) {
            Set<Integer> ids = new HashSet<>();
            for (String id : Sql.column(c, "SELECT id FROM t")) {
                ids.add(Integer.parseInt(id));
            }
            assertTrue(ids.containsAll(acknowledged), "every acknowledged row survives the collections");
            String count = Sql.scalar(c, "SELECT count(*) FROM t");
            // every row is found through the secondary index as well (its tree was walked and kept)
            String viaIndex = Sql.scalar(c, "SELECT count(*) FROM t WHERE w >= 0");
            assertEquals(count, viaIndex);
            assertEquals(String.valueOf(ids.size()), count);
            assertTrue(Sql.rows(c, "SELECT commit_hash FROM dolt_log").size() >= 2);
        }
    }

    @Test
    void deletedDataLeavesTheDisk() throws Exception {
        try (Connection c = connect(null)) {
            Sql.exec(c, "CREATE DATABASE gc_shrink");
            Sql.exec(c, "USE gc_shrink");
            Sql.exec(c, "CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(1000))");
            Sql.exec(c, "CALL dolt_commit('-Am', 'empty table')");
            java.util.Random random = new java.util.Random(42);
            for (int batch = 0; batch < 40; batch++) {
                StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
                for (int i = 0; i < 250; i++) {
                    int id = batch * 250 + i;
                    sb.append(i == 0 ? "" : ",").append('(').append(id).append(", '").append(id).append(hex(random, 900))
                            .append("')");
                }
                Sql.exec(c, sb.toString());
            }
            assertEquals("10000", Sql.scalar(c, "SELECT count(*) FROM big"));
            Sql.scalar(c, "CALL dolt_gc()"); // compacts what the inserts left, so the comparison is fair
            long full = size(server.dataDir().resolve("gc_shrink"));
            // never committed as a version: after the delete nothing reaches the rows
            Sql.exec(c, "DELETE FROM big");
            assertEquals("0", Sql.scalar(c, "CALL dolt_gc()"));
            long after = size(server.dataDir().resolve("gc_shrink"));
            assertTrue(full > 3_000_000, "10,000 rows of 900 hex digits take room: " + full);
            assertTrue(after < full / 4, "disk shrinks after deleting garbage: " + full + " -> " + after);
            assertEquals("0", Sql.scalar(c, "SELECT count(*) FROM big"));
        }
    }

    /** Random hex digits: compressible only to about half, so the rows really occupy the disk. */
    static String hex(java.util.Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /**
     * The bytes of a database's files, without its redo log: a fixed ring of preallocated segments (up to 64 MiB)
     * that no collection shrinks, as the server's automatic collection measures it too.
     */
    static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals(
                            dev.scion.storage.chunk.RocksChunkStore.REDO_LOG_DIRECTORY))
                    .mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file compaction removed while we walked
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
