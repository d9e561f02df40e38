package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;

/**
 * sysbench's {@code sbtest1} filled in one statement, for the read tests and benchmarks: row n (0-based) has id
 * n + 1, k = 7n mod rows (each k once when rows is not a multiple of 7) and a c of 120 characters shared by rows
 * whose n agrees mod 97 (so DISTINCT c keeps work to do).
 */
final class SysbenchRows {
    private SysbenchRows() {
    }

    /** Creates {@code sbtest1} with {@code rows} rows (a multiple of 1,000, at most 10,000) in the current database. */
    static void create(EngineFixture db, int rows) {
        db.exec("CREATE TABLE digits (d INT PRIMARY KEY)");
        db.exec("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        db.exec("CREATE TABLE sbtest1 (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0, "
                + "c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k))");
        db.exec("INSERT INTO sbtest1 (id, k, c, pad) SELECT n + 1, n * 7 % " + rows + ", RPAD(CONCAT('c-', n * 31 % 97), 120,"
                + " '-0123456789'), 'pad' FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d AS n"
                + " FROM digits a, digits b, digits c, digits e WHERE a.d < " + rows / 1000 + ") AS numbers");
        db.exec("DROP TABLE digits");
    }
}
