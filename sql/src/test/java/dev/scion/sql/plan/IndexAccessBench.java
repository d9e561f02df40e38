package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Index-aware joins and ordering, measured inside the engine (no network) on a table of {@code rows} rows: a 10-row
 * outer table joined to it by primary key and by a secondary index, each against the same join forced to a hash join
 * (the table behind a derived table with a LIMIT, which the lookup join does not take, so the whole table is hashed
 * as before). Prints both answers' row counts so a reader can see they agree. A main, not a test: timing is never
 * asserted. Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.plan.IndexAccessBench
 * [rows] [iterations]
 */
public final class IndexAccessBench {
    private IndexAccessBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("scion-index-bench");
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            db.exec("CREATE TABLE big (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(60) NOT NULL, KEY k_idx (k))");
            for (int base = 0; base < rows; base += 1000) {
                StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
                for (int i = base; i < base + 1000 && i < rows; i++) {
                    sb.append(i == base ? "" : ",").append('(').append(i + 1).append(',').append(i * 7 % rows)
                            .append(",'c-").append(i).append("')");
                }
                db.exec(sb.toString());
            }
            db.exec("CREATE TABLE small (id INT PRIMARY KEY, x INT)");
            StringBuilder sb = new StringBuilder("INSERT INTO small VALUES ");
            for (int i = 1; i <= 10; i++) {
                sb.append(i == 1 ? "" : ",").append('(').append(i).append(',').append(i * (rows / 10 - 3)).append(')');
            }
            db.exec(sb.toString());
            String hashed = "(SELECT * FROM big LIMIT " + (rows + 1) + ")";
            run(db, "10 x PK, index lookup join", iterations,
                    "SELECT s.id, b.c FROM small s JOIN big b ON b.id = s.x");
            run(db, "10 x PK, hash join", iterations,
                    "SELECT s.id, b.c FROM small s JOIN " + hashed + " b ON b.id = s.x");
            run(db, "10 x secondary index, lookup join", iterations,
                    "SELECT s.id, b.c FROM small s JOIN big b ON b.k = s.x");
            run(db, "10 x secondary index, hash join", iterations,
                    "SELECT s.id, b.c FROM small s JOIN " + hashed + " b ON b.k = s.x");
            run(db, "ORDER BY id DESC LIMIT 10", iterations, "SELECT id, c FROM big ORDER BY id DESC LIMIT 10");
            run(db, "ORDER BY id DESC LIMIT 10, sorted", iterations,
                    "SELECT id, c FROM " + hashed + " b ORDER BY id DESC LIMIT 10");
            run(db, "ORDER BY k LIMIT 10", iterations, "SELECT id, k FROM big ORDER BY k LIMIT 10");
            run(db, "ORDER BY k LIMIT 10, sorted", iterations,
                    "SELECT id, k FROM " + hashed + " b ORDER BY k LIMIT 10");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(EngineFixture db, String label, int iterations, String sql) {
        List<Object[]> first = db.rows(sql);
        for (int i = 0; i < iterations / 4; i++) {
            db.rows(sql);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            db.rows(sql);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / iterations;
        System.out.printf(Locale.ROOT, "%-40s %9.3f ms/query wall, %9.3f ms CPU (%d rows)%n", label, ms, cpu,
                first.size());
    }
}
