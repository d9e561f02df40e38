package dev.scion.sql.dml;

import dev.scion.sql.SqlEngine;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 10's per-row expressions, statement time inside one engine: a LOAD DATA of N rows without SET, the same
 * file with two SET expressions over its fields, and an INSERT ... SELECT of the N rows into a table with two CHECK
 * constraints. Prints wall time per statement. A main, not a test: timing is never asserted.
 * Run: java -cp sql/target/test-classes:sql/target/classes:CLASSPATH dev.scion.sql.dml.RowExpressionBench [rows=100000]
 */
public final class RowExpressionBench {
    private RowExpressionBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("row-expr-data");
        Path files = Files.createTempDirectory("row-expr-files");
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(i % 1000).append(",name").append(i).append('\n');
        }
        Files.writeString(files.resolve("rows.csv"), csv);
        SqlEngine engine = new SqlEngine(new DataDirectory(data, StoreOptions.defaults()));
        engine.setGlobalVariable("secure_file_priv", files.toString());
        Session s = engine.openSession(1, "root", "localhost", false);
        run(engine, s, "CREATE DATABASE b");
        run(engine, s, "USE b");
        run(engine, s, "CREATE TABLE plain (id INT PRIMARY KEY, qty INT, name VARCHAR(30))");
        run(engine, s, "CREATE TABLE assigned (id INT PRIMARY KEY, qty INT, name VARCHAR(30))");
        run(engine, s, "CREATE TABLE checked (id INT PRIMARY KEY, qty INT, name VARCHAR(30), CHECK (qty >= 0), "
                + "CHECK (CHAR_LENGTH(name) > 4))");
        String file = "'" + files.resolve("rows.csv") + "'";
        time(engine, s, "LOAD DATA, no SET", "LOAD DATA INFILE " + file + " INTO TABLE plain FIELDS TERMINATED BY ','");
        time(engine, s, "LOAD DATA, 2 SET expressions", "LOAD DATA INFILE " + file + " INTO TABLE assigned FIELDS "
                + "TERMINATED BY ',' (id, @q, @n) SET qty = @q * 2, name = UPPER(@n)");
        time(engine, s, "INSERT ... SELECT, 2 CHECKs", "INSERT INTO checked SELECT * FROM plain");
        System.exit(0);
    }

    private static void run(SqlEngine engine, Session s, String sql) {
        engine.execute(s, sql, false, result -> { });
    }

    private static void time(SqlEngine engine, Session s, String label, String sql) {
        long start = System.nanoTime();
        run(engine, s, sql);
        System.out.printf("%-32s %8.2f s%n", label, (System.nanoTime() - start) / 1e9);
    }
}
