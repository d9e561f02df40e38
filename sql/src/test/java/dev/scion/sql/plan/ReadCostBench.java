package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * CPU and bytes allocated per execution of each sysbench read, in the engine (no network), every statement a plan
 * cache hit with new values. Bytes allocated do not depend on the machine's load; CPU does, so compare builds run
 * back to back. A main, not a test: timing is never asserted.
 * Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.plan.ReadCostBench [iterations]
 */
public final class ReadCostBench {
    private static final int ROWS = 10_000;

    private ReadCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Map<String, IntFunction<String>> reads = new LinkedHashMap<>();
        reads.put("simple range", i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + from(i) + " AND " + (from(i) + 99));
        reads.put("sum range", i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + from(i) + " AND " + (from(i) + 99));
        reads.put("order range", i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + from(i) + " AND " + (from(i) + 99)
                + " ORDER BY c");
        reads.put("distinct range", i -> "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN " + from(i) + " AND "
                + (from(i) + 99) + " ORDER BY c");
        reads.put("random ranges", ReadCostBench::randomRanges);
        Path dir = Files.createTempDirectory("scion-read-bench");
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            SysbenchRows.create(db, ROWS);
            for (int round = 1; round <= 2; round++) {
                for (var read : reads.entrySet()) {
                    run(db, round, read.getKey(), iterations, read.getValue());
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int from(int i) {
        return i * 37 % (ROWS - 1000) + 1;
    }

    /** select_random_ranges as sysbench sends it: ten ranges of width 5 over three lines. */
    private static String randomRanges(int i) {
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            int from = (i * 131 + r * 487) % ROWS;
            ranges.append(r == 0 ? "" : " OR ").append("k BETWEEN ").append(from).append(" AND ").append(from + 5);
        }
        return "\n        SELECT count(k)\n          FROM sbtest1\n          WHERE " + ranges;
    }

    private static void run(EngineFixture db, int round, String label, int iterations, IntFunction<String> sql) {
        for (int i = 0; i < iterations / 2; i++) {
            db.rows(sql.apply(i));
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long bytes = threads.getThreadAllocatedBytes(thread);
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            db.rows(sql.apply(i + 7));
        }
        System.out.printf(Locale.ROOT, "round %d %-15s %8.1f us CPU %9d bytes per execution%n", round, label,
                (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / iterations,
                (threads.getThreadAllocatedBytes(thread) - bytes) / iterations);
    }
}
