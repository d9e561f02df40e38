package dev.scion.sql.dolt;

import dev.scion.sql.EngineFixture;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 7's speed targets, query time only, inside one engine (no network, no process start): dolt_diff_&lt;t&gt;,
 * dolt_commit_diff_&lt;t&gt; and dolt_diff() between two commits that change 10 rows of a 1,000,000-row table, and
 * dolt_log / dolt_log() over 10,000 commits. Builds both databases through SQL first, then runs each query
 * repeatedly and prints the median and best wall time and the executing thread's CPU time (on a shared, loaded
 * machine wall time mostly measures waiting for a core). A main, not a test: timing is never asserted.
 * Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.dolt.VersionedQueryBench
 * [rows=1000000] [commits=10000] [repeats=15] [newer=1000]
 */
public final class VersionedQueryBench {
    private VersionedQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int newer = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        Path dir = Files.createTempDirectory("scion-vsql-bench");
        try (EngineFixture db = new EngineFixture(dir)) {
            long t0 = System.nanoTime();
            buildBigTable(db, rows);
            System.out.printf(Locale.ROOT, "built %,d-row table and a 10-row change in %.1f s%n", rows,
                    (System.nanoTime() - t0) / 1e9);
            time(db, repeats, "dolt_diff_big, 10 changed rows (WHERE to_commit = HEAD)",
                    "SELECT COUNT(*) FROM dolt_diff_big WHERE to_commit = @c2 AND from_commit = @c1");
            time(db, repeats, "dolt_commit_diff_big, 10 changed rows",
                    "SELECT COUNT(*) FROM dolt_commit_diff_big WHERE to_commit = @c2 AND from_commit = @c1");
            time(db, repeats, "dolt_diff(c1, c2, 'big'), 10 changed rows",
                    "SELECT COUNT(*) FROM dolt_diff(@c1, @c2, 'big')");
            time(db, repeats, "baseline: SELECT 1", "SELECT 1");
            t0 = System.nanoTime();
            commitElsewhere(db, newer);
            System.out.printf(Locale.ROOT, "built %,d newer commits of another table in %.1f s%n", newer,
                    (System.nanoTime() - t0) / 1e9);
            time(db, repeats, "dolt_diff_big, to_commit = @c2 under " + newer + " newer commits",
                    "SELECT COUNT(*) FROM dolt_diff_big WHERE to_commit = @c2 AND from_commit = @c1");
            t0 = System.nanoTime();
            buildHistory(db, commits);
            System.out.printf(Locale.ROOT, "built %,d commits in %.1f s%n", commits, (System.nanoTime() - t0) / 1e9);
            time(db, repeats, "SELECT COUNT(*) FROM dolt_log", "SELECT COUNT(*) FROM hist.dolt_log");
            time(db, repeats, "SELECT COUNT(*) FROM dolt_log()", "SELECT COUNT(*) FROM dolt_log()");
            time(db, repeats, "dolt_log LIMIT 10 (streams)", "SELECT commit_hash FROM hist.dolt_log LIMIT 10");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void buildBigTable(EngineFixture db, int rows) {
        db.exec("CREATE DATABASE big");
        db.exec("USE big");
        db.exec("CREATE TABLE big (id INT PRIMARY KEY, k INT NOT NULL, c VARCHAR(40))");
        int batch = 5_000;
        for (int base = 0; base < rows; base += batch) {
            StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
            for (int i = base; i < Math.min(rows, base + batch); i++) {
                sb.append(i == base ? "" : ",").append('(').append(i).append(',').append(i * 7 % 1000)
                        .append(",'row-").append(i).append("')");
            }
            db.exec(sb.toString());
        }
        db.exec("CALL DOLT_COMMIT('-Am', 'one million rows')");
        db.exec("SET @c1 = HASHOF('HEAD')");
        for (int i = 0; i < 10; i++) {
            db.exec("UPDATE big SET k = k + 1 WHERE id = " + (i * (rows / 10) + 17));
        }
        db.exec("CALL DOLT_COMMIT('-am', 'ten rows changed')");
        db.exec("SET @c2 = HASHOF('HEAD')");
    }

    /** Commits that leave big alone, so that a to_commit filter naming the 10-row change must look past them. */
    private static void commitElsewhere(EngineFixture db, int commits) {
        db.exec("CREATE TABLE other (id INT PRIMARY KEY, v INT)");
        db.exec("INSERT INTO other VALUES (1, 0)");
        db.exec("CALL DOLT_COMMIT('-Am', 'other table')");
        for (int i = 1; i < commits; i++) {
            db.exec("UPDATE other SET v = " + i + " WHERE id = 1");
            db.exec("CALL DOLT_COMMIT('-am', 'other " + i + "')");
        }
    }

    private static void buildHistory(EngineFixture db, int commits) {
        db.exec("CREATE DATABASE hist");
        db.exec("USE hist");
        db.exec("CREATE TABLE h (id INT PRIMARY KEY, v INT)");
        db.exec("INSERT INTO h VALUES (1, 0)");
        db.exec("CALL DOLT_COMMIT('-Am', 'start')");
        for (int i = 1; i < commits; i++) {
            db.exec("UPDATE h SET v = " + i + " WHERE id = 1");
            db.exec("CALL DOLT_COMMIT('-am', 'commit " + i + "')");
        }
    }

    private static void time(EngineFixture db, int repeats, String label, String sql) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            db.rows(sql); // warm-up: JIT, the chunk cache, the plan cache
        }
        long[] wall = new long[repeats];
        long[] cpu = new long[repeats];
        Object first = null;
        for (int i = 0; i < repeats; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Object[]> r = db.rows(sql);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            first = r.isEmpty() ? null : r.get(0)[0];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-58s median %8.2f ms wall (best %8.2f), median %8.2f ms CPU  -> %s%n", label,
                wall[repeats / 2] / 1e6, wall[0] / 1e6, cpu[repeats / 2] / 1e6, first);
    }
}
