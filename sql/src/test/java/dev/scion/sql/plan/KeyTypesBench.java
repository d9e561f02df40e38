package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * MIN/MAX from a key end, merge join, and key access on text and DECIMAL keys, measured inside the engine on two
 * tables of {@code rows} rows, each against the plan the engine used before (the table behind a derived table with
 * a LIMIT, which none of these paths take, so it is scanned, aggregated or hashed as before). Prints the first row of
 * each answer so a reader can see both agree. A main, not a test: timing is never asserted. Run:
 * java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.plan.KeyTypesBench [rows] [iterations]
 */
public final class KeyTypesBench {
    private KeyTypesBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("scion-keytypes-bench");
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE bench");
            db.exec("USE bench");
            db.exec("CREATE TABLE a (id INT PRIMARY KEY, v INT, s VARCHAR(20) CHARACTER SET utf8mb4"
                    + " COLLATE utf8mb4_0900_bin, d DECIMAL(12,2), KEY a_v (v), KEY a_s (s))");
            db.exec("CREATE TABLE b (id INT PRIMARY KEY, w INT)");
            db.exec("CREATE TABLE t (id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin PRIMARY KEY,"
                    + " n INT)");
            for (int base = 0; base < rows; base += 1000) {
                StringBuilder sa = new StringBuilder("INSERT INTO a VALUES ");
                StringBuilder sb = new StringBuilder("INSERT INTO b VALUES ");
                StringBuilder st = new StringBuilder("INSERT INTO t VALUES ");
                for (int i = base; i < base + 1000 && i < rows; i++) {
                    String sep = i == base ? "" : ",";
                    sa.append(sep).append('(').append(i).append(',').append(i * 7 % rows).append(",'s")
                            .append(String.format(Locale.ROOT, "%07d", i * 13 % rows)).append("',")
                            .append(i).append(".25)");
                    sb.append(sep).append('(').append(i * 2).append(',').append(i).append(')');
                    st.append(sep).append("('key").append(String.format(Locale.ROOT, "%07d", i)).append("',")
                            .append(i).append(')');
                }
                db.exec(sa.toString());
                db.exec(sb.toString());
                db.exec(st.toString());
            }
            String all = " LIMIT " + (rows + 1) + ")";
            run(db, "MIN/MAX(v), index end", iterations, "SELECT MIN(v), MAX(v) FROM a");
            run(db, "MIN/MAX(v), scan", iterations, "SELECT MIN(v), MAX(v) FROM (SELECT v FROM a" + all + " x");
            run(db, "MAX(s), index end", iterations, "SELECT MAX(s) FROM a");
            run(db, "MAX(s), scan", iterations, "SELECT MAX(s) FROM (SELECT s FROM a" + all + " x");
            run(db, "merge join a.id = b.id", iterations,
                    "SELECT COUNT(*), SUM(b.w) FROM a JOIN b ON a.id = b.id");
            run(db, "hash join a.id = b.id", iterations,
                    "SELECT COUNT(*), SUM(y.w) FROM (SELECT * FROM a" + all + " x JOIN (SELECT * FROM b" + all
                            + " y ON x.id = y.id");
            run(db, "VARCHAR PK point", iterations * 10, "SELECT n FROM t WHERE id = 'key0054321'");
            run(db, "VARCHAR PK point, scan", iterations,
                    "SELECT n FROM (SELECT * FROM t" + all + " x WHERE id = 'key0054321'");
            run(db, "VARCHAR PK range", iterations * 10,
                    "SELECT COUNT(*) FROM t WHERE id BETWEEN 'key0050000' AND 'key0050100'");
            run(db, "VARCHAR index range", iterations * 10,
                    "SELECT COUNT(*) FROM a WHERE s BETWEEN 's0050000' AND 's0050100'");
            run(db, "VARCHAR index range, scan", iterations,
                    "SELECT COUNT(*) FROM (SELECT * FROM a" + all + " x WHERE s BETWEEN 's0050000' AND 's0050100'");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(EngineFixture db, String label, int iterations, String sql) {
        List<Object[]> first = db.rows(sql);
        for (int i = 0; i < Math.max(1, iterations / 4); i++) {
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
        System.out.printf(Locale.ROOT, "%-32s %10.3f ms/query wall, %10.3f ms CPU  first row %s%n", label, ms, cpu,
                first.isEmpty() ? "-" : java.util.Arrays.toString(first.get(0)));
    }
}
