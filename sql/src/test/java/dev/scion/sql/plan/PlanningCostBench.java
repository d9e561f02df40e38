package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Planning cost, measured end to end inside the engine (no network): a primary-key point SELECT through the fast
 * path, the same lookup through Calcite (parse, validate, SqlToRel, Hep rules, physical plan), and a range SUM.
 * A new literal every time, as drivers that inline parameters send. A main, not a test: timing is never asserted.
 * Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.plan.PlanningCostBench [iterations]
 */
public final class PlanningCostBench {
    private static final int ROWS = 10_000;

    private PlanningCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("scion-plan-bench");
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            db.exec("CREATE TABLE sbtest1 (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL, pad CHAR(60))");
            for (int base = 0; base < ROWS; base += 500) {
                StringBuilder sb = new StringBuilder("INSERT INTO sbtest1 VALUES ");
                for (int i = base; i < base + 500; i++) {
                    sb.append(i == base ? "" : ",").append('(').append(i + 1).append(',').append(i * 7 % ROWS)
                            .append(",'c-").append(i).append("','pad')");
                }
                db.exec(sb.toString());
            }
            run(db, "point select, fast path", iterations,
                    i -> "SELECT c FROM sbtest1 WHERE id=" + (1 + i % ROWS));
            run(db, "point select, planned (plan cache)", iterations,
                    i -> "SELECT c FROM sbtest1 WHERE id=" + (1 + i % ROWS) + " AND 1=1");
            run(db, "SUM over BETWEEN 100 rows (plan cache)", iterations / 4,
                    i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + (1 + i % 9000) + " AND " + (100 + i % 9000));
            run(db, "point select, new shape each time", iterations / 10,
                    i -> "SELECT c FROM sbtest1 WHERE id=" + (1 + i % ROWS) + " AND " + i + "=" + i);
            run(db, "UPDATE by primary key (autocommit)", iterations / 4,
                    i -> "UPDATE sbtest1 SET k=k+1 WHERE id=" + (1 + i % ROWS));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(EngineFixture db, String label, int iterations, IntFunction<String> sql) {
        for (int i = 0; i < iterations / 2; i++) {
            db.rows(sql.apply(i));
        }
        // CPU time of this thread as well as wall time: on a shared, overloaded machine the wall time mostly
        // measures waiting for a core.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long built = db.session().planCache().plansBuilt();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            db.rows(sql.apply(i));
        }
        double us = (System.nanoTime() - t0) / 1000.0 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1000.0 / iterations;
        System.out.printf(Locale.ROOT, "%-40s %9.1f us/statement wall, %9.1f us CPU (%d statements, %d plans built)%n",
                label, us, cpu, iterations, db.session().planCache().plansBuilt() - built);
    }
}
