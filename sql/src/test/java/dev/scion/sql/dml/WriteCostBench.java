package dev.scion.sql.dml;

import dev.scion.sql.EngineFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The cost of sysbench's autocommit write statements inside the engine (no network), each a transaction of its
 * own with a synced commit: CPU time of the executing thread and wall time (which includes the sync). A main, not a
 * test: timing is never asserted. Profile it with {@code -XX:StartFlightRecording}.
 * Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.dml.WriteCostBench [iterations]
 * [test]; -Dscion.test.nursery=true as a server runs, -Dscion.bench.sync=false to leave the syncs out.
 */
public final class WriteCostBench {
    private static final int ROWS = 10_000;

    private WriteCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        String only = args.length > 1 ? args[1] : "";
        Path dir = Files.createTempDirectory("scion-write-bench");
        // -Dscion.bench.sync=false: commits are not synced, so a run on a disk shared with others takes seconds
        // instead of minutes; the CPU and bytes per statement leave out only the sync's own
        var options = dev.scion.storage.chunk.StoreOptions.defaults()
                .withNursery(Boolean.getBoolean("scion.test.nursery"))
                .withSync(Boolean.parseBoolean(System.getProperty("scion.bench.sync", "true")));
        try (EngineFixture db = new EngineFixture(dir, options)) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            db.exec("CREATE TABLE sbtest1 (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0, "
                    + "c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), "
                    + "KEY k_1 (k))");
            for (int base = 0; base < ROWS; base += 500) {
                StringBuilder sb = new StringBuilder("INSERT INTO sbtest1 (id, k, c, pad) VALUES ");
                for (int i = base; i < base + 500; i++) {
                    sb.append(i == base ? "" : ",").append('(').append(i + 1).append(',').append(i * 7 % ROWS)
                            .append(",'").append(c(i)).append("','").append(pad(i)).append("')");
                }
                db.exec(sb.toString());
            }
            if (only.isEmpty() || only.equals("index")) {
                run(db, "UPDATE k=k+1 WHERE id=? (index)", iterations,
                        i -> "UPDATE sbtest1 SET k=k+1 WHERE id=" + (1 + i * 7919 % ROWS));
            }
            if (only.isEmpty() || only.equals("nonindex")) {
                run(db, "UPDATE c=? WHERE id=? (non-index)", iterations,
                        i -> "UPDATE sbtest1 SET c='" + c(i + 3) + "' WHERE id=" + (1 + i * 7919 % ROWS));
            }
            if (only.isEmpty() || only.equals("deleteinsert")) {
                run(db, "DELETE WHERE id=? + INSERT VALUES", iterations, i -> {
                    int id = 1 + i * 7919 % ROWS;
                    return "DELETE FROM sbtest1 WHERE id=" + id + ";INSERT INTO sbtest1 (id, k, c, pad) VALUES ("
                            + id + "," + (i % ROWS) + ",'" + c(i) + "','" + pad(i) + "')";
                });
            }
            if (only.isEmpty() || only.equals("writeonly")) {
                // sysbench oltp_write_only: one explicit transaction of four writes
                run(db, "write_only transaction (4 writes)", iterations / 4, i -> {
                    int id = 1 + i * 7919 % ROWS;
                    return "BEGIN;UPDATE sbtest1 SET k=k+1 WHERE id=" + id + ";UPDATE sbtest1 SET c='" + c(i + 5)
                            + "' WHERE id=" + (1 + (i + 17) * 7919 % ROWS) + ";DELETE FROM sbtest1 WHERE id=" + id
                            + ";INSERT INTO sbtest1 (id, k, c, pad) VALUES (" + id + "," + (i % ROWS) + ",'" + c(i)
                            + "','" + pad(i) + "');COMMIT";
                });
            }
            if (only.equals("writeonlytables")) {
                // as sysbench runs it: each of the transaction's writes picks one of several tables (here three)
                for (int t = 2; t <= 3; t++) {
                    db.exec("CREATE TABLE sbtest" + t + " LIKE sbtest1");
                    db.exec("INSERT INTO sbtest" + t + " SELECT * FROM sbtest1");
                }
                run(db, "write_only transaction, 3 tables", iterations / 4, i -> {
                    int id = 1 + i * 7919 % ROWS;
                    return "BEGIN;UPDATE sbtest1 SET k=k+1 WHERE id=" + id + ";UPDATE sbtest2 SET c='" + c(i + 5)
                            + "' WHERE id=" + (1 + (i + 17) * 7919 % ROWS) + ";DELETE FROM sbtest3 WHERE id=" + id
                            + ";INSERT INTO sbtest3 (id, k, c, pad) VALUES (" + id + "," + (i % ROWS) + ",'" + c(i)
                            + "','" + pad(i) + "');COMMIT";
                });
            }
            if (only.isEmpty() || only.equals("insert")) {
                run(db, "INSERT VALUES (auto-increment id)", iterations,
                        i -> "INSERT INTO sbtest1 (k, c, pad) VALUES (" + (i % ROWS) + ",'" + c(i) + "','" + pad(i)
                                + "')");
            }
            // the same statements prepared once and executed with parameters, as sysbench's ps mode sends them
            if (only.isEmpty() || only.equals("psindex")) {
                runPrepared(db, "prepared UPDATE k=k+1 WHERE id=? (index)", iterations,
                        "UPDATE sbtest1 SET k=k+1 WHERE id=?", i -> new Object[] {(long) (1 + i * 7919 % ROWS)});
            }
            if (only.isEmpty() || only.equals("psnonindex")) {
                runPrepared(db, "prepared UPDATE c=? WHERE id=?", iterations, "UPDATE sbtest1 SET c=? WHERE id=?",
                        i -> new Object[] {c(i + 3), (long) (1 + i * 7919 % ROWS)});
            }
            if (only.isEmpty() || only.equals("psinsert")) {
                runPrepared(db, "prepared INSERT VALUES (?, ?, ?, ?)", iterations,
                        "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)",
                        i -> new Object[] {(long) (ROWS * 100 + i), (long) (i % ROWS), c(i), pad(i)});
            }
            if (only.isEmpty() || only.equals("insert4")) {
                runConcurrent(db, "INSERT VALUES, 4 sessions", iterations, (t, i) ->
                        "INSERT INTO sbtest1 (k, c, pad) VALUES (" + (i % ROWS) + ",'" + c(i) + "','" + pad(i) + "')");
            }
            if (only.isEmpty() || only.equals("writeonly4")) {
                // oltp_write_only at four sessions on one table: most COMMITs find the branch moved and merge
                runConcurrent(db, "write_only transaction, 4 sessions", iterations / 4, (t, i) -> {
                    int id = 1 + (i * 4 + t) * 7919 % ROWS;
                    return "BEGIN;UPDATE sbtest1 SET k=k+1 WHERE id=" + id + ";UPDATE sbtest1 SET c='" + c(i + 5)
                            + "' WHERE id=" + (1 + ((i * 4 + t) + 17) * 7919 % ROWS) + ";DELETE FROM sbtest1 WHERE id="
                            + id + ";INSERT INTO sbtest1 (id, k, c, pad) VALUES (" + id + "," + (i % ROWS) + ",'"
                            + c(i) + "','" + pad(i) + "');COMMIT";
                });
            }
            if (only.isEmpty() || only.equals("writeonlymerged")) {
                // two oltp_write_only transactions from one snapshot on one thread: the second COMMIT finds the
                // branch moved by the first, as nearly every COMMIT does at four sysbench threads; no thread races,
                // so what a merged COMMIT costs is measured without the load's noise (figures per pair)
                var a = db.engine().openSession(300, "root", "localhost", true);
                var b = db.engine().openSession(301, "root", "localhost", true);
                db.engine().execute(a, "USE bench", false, r -> { });
                db.engine().execute(b, "USE bench", false, r -> { });
                run(db, "2 write_only transactions, 2nd merged", iterations / 8, i -> {
                    db.engine().execute(a, writeOnly(2 * i), true, r -> { });
                    db.engine().execute(b, writeOnly(2 * i + 1), true, r -> { });
                    db.engine().execute(a, "COMMIT", false, r -> { });
                    db.engine().execute(b, "COMMIT", false, r -> { });
                    return null;
                }, true);
                a.close();
                b.close();
                // the same statements give the same rows whichever way the COMMITs were merged: builds compare
                var repo = db.session().findDatabase("bench").orElseThrow().repo();
                System.out.println("working root after the merged pairs: " + repo.workingSet("main").working());
            }
            if (only.isEmpty() || only.equals("nonindex4")) {
                // four sessions updating a non-indexed column: the merge at COMMIT leaves the index tree alone
                runConcurrent(db, "UPDATE c=? WHERE id=?, 4 sessions", iterations, (t, i) ->
                        "UPDATE sbtest1 SET c='" + c(i + 3) + "' WHERE id=" + (1 + (i * 4 + t) * 7919 % ROWS));
            }
            if (only.isEmpty() || only.equals("index4")) {
                runConcurrent(db, "UPDATE k=k+1 WHERE id=?, 4 sessions", iterations, (t, i) ->
                        "UPDATE sbtest1 SET k=k+1 WHERE id=" + (1 + (i * 4 + t) * 7919 % ROWS));
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void exec(EngineFixture db, String sql, boolean ran) {
        if (!ran) {
            db.exec(sql);
        }
    }

    private static String c(int i) {
        StringBuilder sb = new StringBuilder(120);
        for (int g = 0; g < 10; g++) {
            appendGroup(sb.append(g == 0 ? "" : "-"), (long) (i + g) * 7_919_113L % 100_000_000_000L);
        }
        return sb.toString();
    }

    private static String pad(int i) {
        StringBuilder sb = new StringBuilder(60);
        for (int g = 0; g < 5; g++) {
            appendGroup(sb.append(g == 0 ? "" : "-"), (long) (i + g) * 104_729L % 100_000_000_000L);
        }
        return sb.toString();
    }

    /**
     * Appends {@code n} (0 to 10^11 - 1) as 11 zero-padded digits, as {@code %011d} would: the statements' values are
     * made on the measured thread, and String.format made a quarter of a prepared INSERT's CPU and allocation.
     */
    private static void appendGroup(StringBuilder sb, long n) {
        String digits = Long.toString(n);
        for (int z = digits.length(); z < 11; z++) {
            sb.append('0');
        }
        sb.append(digits);
    }

    /**
     * {@code iterations} statements on each of four sessions with a thread each (statement {@code i} of thread
     * {@code t} is {@code sql.apply(t, i)}): total wall time per statement, the process's CPU time per statement,
     * and synced writes per commit.
     */
    private static void runConcurrent(EngineFixture db, String label, int iterations,
                                      java.util.function.BiFunction<Integer, Integer, String> sql) throws Exception {
        int threads = 4;
        var repo = db.session().findDatabase("bench").orElseThrow().repo();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int phase = 0; phase < 2; phase++) {
            int count = phase == 0 ? iterations / 2 : iterations;
            int offset = phase == 0 ? 0 : iterations;
            long syncs = repo.store().writeGroupsCommitted();
            long commits = repo.commitQueue("main").commitsWritten();
            long prepared = repo.commitQueue("main").preparedTaken();
            long rebased = repo.commitQueue("main").leaderRebases();
            long merged0 = count("dev.scion.versioning.merge.TableMerger", "tablesMerged");
            long replayed0 = count("dev.scion.versioning.merge.ChangeReplay", "replayedOntoChanged");
            var failed = new java.util.concurrent.atomic.AtomicLong();
            // the statement threads' own CPU, without the JIT's, the collector's or RocksDB's threads
            var threadCpu = new java.util.concurrent.atomic.AtomicLong();
            var threadBytes = new java.util.concurrent.atomic.AtomicLong();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    var session = db.engine().openSession(200 + t, "root", "localhost", true);
                    done.add(pool.submit(() -> {
                        db.engine().execute(session, "USE bench", false, r -> { });
                        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                                .getThreadMXBean();
                        long own = mx.getCurrentThreadCpuTime();
                        long allocated = mx.getCurrentThreadAllocatedBytes();
                        for (int i = 0; i < count; i++) {
                            try {
                                db.engine().execute(session, sql.apply(thread, offset + i), true, r -> { });
                            } catch (RuntimeException e) {
                                // a refused commit (a deadlock between transactions) is counted, not fatal
                                failed.incrementAndGet();
                                db.engine().execute(session, "ROLLBACK", false, r -> { });
                            }
                        }
                        threadCpu.addAndGet(mx.getCurrentThreadCpuTime() - own);
                        threadBytes.addAndGet(mx.getCurrentThreadAllocatedBytes() - allocated);
                        session.close();
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            if (phase == 1) {
                long n = (long) threads * count;
                double us = (System.nanoTime() - t0) / 1000.0 / n;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1000.0 / n;
                long c = repo.commitQueue("main").commitsWritten() - commits;
                long s = repo.store().writeGroupsCommitted() - syncs;
                System.out.printf(Locale.ROOT, "%-40s %9.1f us statement-thread CPU, %,d bytes allocated by them; "
                        + "%d tables merged, %d replayed onto a moved table%n", label, threadCpu.get() / 1000.0 / n,
                        threadBytes.get() / n, count("dev.scion.versioning.merge.TableMerger", "tablesMerged")
                        - merged0, count("dev.scion.versioning.merge.ChangeReplay", "replayedOntoChanged") - replayed0);
                System.out.printf(Locale.ROOT, "%-40s %9.1f us/statement wall, %9.1f us process CPU, %.2f syncs "
                        + "per commit (%d statements, %d failed, %d commits; %d taken as prepared, %d rebased by a "
                        + "leader)%n", label, us, cpu, (double) s / c, n, failed.get(), c, repo.commitQueue("main").preparedTaken() - prepared,
                        repo.commitQueue("main").leaderRebases() - rebased);
            }
        }
    }

    /** oltp_write_only's transaction without its COMMIT: BEGIN and four one-row writes, the {@code i}-th. */
    private static String writeOnly(int i) {
        int id = 1 + i * 7919 % ROWS;
        return "BEGIN;UPDATE sbtest1 SET k=k+1 WHERE id=" + id + ";UPDATE sbtest1 SET c='" + c(i + 5) + "' WHERE id="
                + (1 + (i + 17) * 7919 % ROWS) + ";DELETE FROM sbtest1 WHERE id=" + id
                + ";INSERT INTO sbtest1 (id, k, c, pad) VALUES (" + id + "," + (i % ROWS) + ",'" + c(i) + "','"
                + pad(i) + "')";
    }

    /** An operation count a build may not have (the bench runs against older builds too): -1 then. */
    private static long count(String type, String method) {
        try {
            return (Long) Class.forName(type).getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** Like {@link #run}, for one prepared statement executed with {@code params.apply(i)}. */
    private static void runPrepared(EngineFixture db, String label, int iterations, String sql,
                                    IntFunction<Object[]> params) {
        var q = db.engine().prepare(db.session(), sql);
        int[] next = {0};
        run(db, label, iterations, i -> {
            q.execute(db.session(), params.apply(next[0]++), r -> { });
            return null;
        }, true);
    }

    private static void run(EngineFixture db, String label, int iterations, IntFunction<String> sql) {
        run(db, label, iterations, sql, false);
    }

    /** {@code sql.apply(i)} is run as text unless {@code ran}: then applying it ran the statement. */
    private static void run(EngineFixture db, String label, int iterations, IntFunction<String> sql, boolean ran) {
        for (int i = 0; i < iterations / 2; i++) {
            exec(db, sql.apply(i), ran);
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long c0 = threads.getCurrentThreadCpuTime();
        long a0 = threads.getThreadAllocatedBytes(thread);
        var store = db.session().findDatabase("bench").orElseThrow().repo().store();
        long chunks0 = store.chunksCommitted();
        long chunkBytes0 = store.bytesCommitted();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            exec(db, sql.apply(i + iterations), ran);
        }
        double us = (System.nanoTime() - t0) / 1000.0 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1000.0 / iterations;
        long bytes = (threads.getThreadAllocatedBytes(thread) - a0) / iterations;
        // chunks and their bytes written per statement: a load-independent measure of what a commit builds
        double chunks = (double) (store.chunksCommitted() - chunks0) / iterations;
        long chunkBytes = (store.bytesCommitted() - chunkBytes0) / iterations;
        System.out.printf(Locale.ROOT, "%-40s %9.1f us/statement wall, %9.1f us CPU, %7d bytes allocated by the "
                + "executing thread, %.2f chunks / %d bytes committed (%d statements)%n", label, us, cpu, bytes,
                chunks, chunkBytes, iterations);
    }
}
