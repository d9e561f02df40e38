package dev.scion.sql.dml;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.merge.ChangeReplay;
import dev.scion.versioning.merge.TableMerger;
import dev.scion.versioning.repo.WorkingSetCommitQueue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where four sessions' oltp_write_only transactions go in the commit path, in counts: commits per group, log syncs
 * per commit and how many overlapped another, the commit queue's serial section and its {@link
 * dev.scion.versioning.repo.ReachableChunks} walks per commit, tables merged and replayed onto a moved table. The
 * transactions are sysbench's (4 tables of 10,000 rows; each of the four writes picks a table and a row at random),
 * run on the engine in process with the nursery on, so what the wire and the client add is left out. A main, not a
 * test (docs/performance.md, "Round 24 (four-thread writes)").
 *
 * <p>Run: java [-Dscion.storage.syncsInFlight=1] -cp sql/target/test-classes:sql/target/classes:CLASSPATH
 * dev.scion.sql.dml.ConcurrentCommitBench [seconds] [threads]
 */
public final class ConcurrentCommitBench {
    private static final int TABLES = 4;
    private static final int ROWS = 10_000;

    private ConcurrentCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int inFlight = Integer.getInteger("scion.storage.syncsInFlight", StoreOptions.DEFAULT_SYNCS_IN_FLIGHT);
        Path dir = Files.createTempDirectory("concurrent-commit-bench");
        try (EngineFixture db = new EngineFixture(dir,
                StoreOptions.defaults().withNursery(true).withSyncsInFlight(inFlight))) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            for (int t = 1; t <= TABLES; t++) {
                db.exec("CREATE TABLE sbtest" + t + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, k INT NOT NULL "
                        + "DEFAULT 0, c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', KEY k_" + t
                        + " (k))");
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= ROWS; i++) {
                    sb.append(sb.length() == 0 ? "INSERT INTO sbtest" + t + " (id, k, c, pad) VALUES " : ",")
                            .append('(').append(i).append(',').append(i * 7 % ROWS).append(",'").append(text(i, 10))
                            .append("','").append(text(i, 5)).append("')");
                    if (i % 1_000 == 0) {
                        db.exec(sb.toString());
                        sb.setLength(0);
                    }
                }
            }
            var repo = db.session().findDatabase("bench").orElseThrow().repo();
            System.out.printf(Locale.ROOT, "syncs in flight: %d, %d threads, %d s after %d s of warm-up%n", inFlight,
                    threads, seconds, seconds / 2);
            run(db, threads, seconds / 2, 0, null);
            run(db, threads, seconds, 1, repo.commitQueue("main"));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(EngineFixture db, int threads, int seconds, int seed, WorkingSetCommitQueue queue)
            throws Exception {
        RocksChunkStore store = db.session().findDatabase("bench").orElseThrow().repo().store();
        WorkingSetCommitQueue.Stats before = queue == null ? null : queue.stats();
        long syncs = store.walSyncs();
        long overlapped = store.walSyncsOverlapped();
        long merged = TableMerger.tablesMerged();
        long replayed = ChangeReplay.replayedOntoChanged();
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long committedBytes = store.bytesCommitted();
        long rocksBytes = store.chunkBytesToRocks();
        long drains = store.drains();
        long keptAll = store.drainsKeptAll();
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Long> cpuAfter;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Session session = db.engine().openSession(500 + seed * 100 + t, "root", "localhost", true);
                Random random = new Random(seed * 1_000L + t);
                done.add(pool.submit(() -> {
                    db.engine().execute(session, "USE bench", false, r -> { });
                    while (System.nanoTime() < end) {
                        try {
                            db.engine().execute(session, writeOnly(random), true, r -> { });
                            committed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet(); // a deadlock refused at COMMIT: sysbench retries it too
                            db.engine().execute(session, "ROLLBACK", false, r -> { });
                        }
                    }
                    session.close();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            cpuAfter = cpuByThreadGroup(); // before the pool's threads end
        } finally {
            pool.shutdown();
        }
        if (queue == null) {
            return;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        WorkingSetCommitQueue.Stats s = queue.stats().since(before);
        long n = committed.get();
        System.out.printf(Locale.ROOT, "%d transactions (%.0f/s), %d failed%n", n, n / wall, failed.get());
        System.out.printf(Locale.ROOT, "commits per group %.2f; log syncs per commit %.3f, of them overlapping "
                + "another %.3f%n", (double) s.commits() / s.groups(), (double) (store.walSyncs() - syncs) / s.commits(),
                (double) (store.walSyncsOverlapped() - overlapped) / s.commits());
        System.out.printf(Locale.ROOT, "serial section %.1f us per commit (%.1f%% of the wall time); walks per group "
                + "%.2f, %.1f us each, %.2f chunks left out per walk%n", s.serialNanos() / 1e3 / s.commits(),
                100.0 * s.serialNanos() / 1e9 / wall, (double) s.walks() / s.groups(),
                s.walks() == 0 ? 0.0 : s.walkNanos() / 1e3 / s.walks(),
                s.walks() == 0 ? 0.0 : (double) s.chunksDropped() / s.walks());
        System.out.printf(Locale.ROOT, "prepared ahead of the queue %.3f, prepared and taken %.3f, rebased by a leader %.3f, tables merged %.3f, "
                + "tables replayed onto a moved table %.3f (per commit)%n",
                (double) s.preparedTried() / s.commits(), (double) s.preparedTaken() / s.commits(),
                (double) s.leaderRebases() / s.commits(),
                (double) (TableMerger.tablesMerged() - merged) / s.commits(),
                (double) (ChangeReplay.replayedOntoChanged() - replayed) / s.commits());
        System.out.printf(Locale.ROOT, "KB committed per commit %.1f, KB written to RocksDB per commit %.1f; drains "
                + "%d, of them keeping everything %d%n", (store.bytesCommitted() - committedBytes) / 1024.0 / n,
                (store.chunkBytesToRocks() - rocksBytes) / 1024.0 / n, store.drains() - drains,
                store.drainsKeptAll() - keptAll);
        Map<String, Long> cpu = cpuAfter;
        StringBuilder line = new StringBuilder("CPU us per commit by thread:");
        for (Map.Entry<String, Long> e : cpu.entrySet()) {
            long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            if (used > 0) {
                line.append(String.format(Locale.ROOT, " %s %.0f", e.getKey(), used * 1e6 / TICKS / n));
            }
        }
        System.out.println(line);
    }

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /**
     * CPU ticks (user + system) used so far by this process's threads, by name with digits dropped (RocksDB's
     * native threads included), from /proc/self/task; empty where /proc is missing. Threads that ended are lost,
     * so the benchmark's sessions run in a pool that lives through the measured run.
     */
    private static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> byName = new TreeMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byName;
        }
        for (File task : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).trim().replaceAll("[0-9]+", "#");
                String stat = Files.readString(task.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state is field 3 of stat, utime and stime fields 14 and 15
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                byName.merge(name, ticks, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended while being read
            }
        }
        return byName;
    }

    /** sysbench's oltp_write_only: an index update, a non-index update, a delete and its re-insert. */
    private static String writeOnly(Random r) {
        int id = 1 + r.nextInt(ROWS);
        int deleted = 1 + r.nextInt(ROWS);
        return "BEGIN;UPDATE sbtest" + table(r) + " SET k=k+1 WHERE id=" + id + ";UPDATE sbtest" + table(r)
                + " SET c='" + text(r.nextInt(), 10) + "' WHERE id=" + (1 + r.nextInt(ROWS)) + ";DELETE FROM sbtest"
                + tableThenInsert(r, deleted) + ";COMMIT";
    }

    private static String tableThenInsert(Random r, int id) {
        int t = table(r);
        return t + " WHERE id=" + id + ";INSERT INTO sbtest" + t + " (id, k, c, pad) VALUES (" + id + ","
                + r.nextInt(ROWS) + ",'" + text(r.nextInt(), 10) + "','" + text(r.nextInt(), 5) + "')";
    }

    private static int table(Random r) {
        return 1 + r.nextInt(TABLES);
    }

    private static String text(int seed, int groups) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            sb.append(g == 0 ? "" : "-").append(String.format(Locale.ROOT, "%011d",
                    Math.floorMod((long) (seed + g) * 7_919_113L, 100_000_000_000L)));
        }
        return sb.toString();
    }
}
