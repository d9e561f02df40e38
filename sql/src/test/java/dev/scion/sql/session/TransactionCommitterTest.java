package dev.scion.sql.session;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Commits that must merge with concurrent ones: a second writer of a row waits for the first and builds on its
 * value, a row changed without its lock still fails the commit (first committer wins), disjoint rows all land.
 */
class TransactionCommitterTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, KEY kv (v))");
        db.exec("INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Session session(int id) {
        Session s = db.engine().openSession(id, "root", "localhost", true);
        db.engine().execute(s, "USE d", false, r -> { });
        return s;
    }

    private void run(Session s, String sql) {
        db.engine().execute(s, sql, false, r -> { });
    }

    @Test
    void aSecondWriterOfARowWaitsAndBuildsOnTheFirst() throws Exception {
        Session a = session(10);
        Session b = session(11);
        run(a, "BEGIN");
        run(b, "BEGIN");
        assertEquals(List.of("0"), lines(b, "SELECT v FROM t WHERE id = 1")); // b's snapshot
        run(a, "UPDATE t SET v = v + 1 WHERE id = 1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> bUpdates = pool.submit(() -> run(b, "UPDATE t SET v = v + 1 WHERE id = 1"));
            while (!db.engine().rowLocks().isWaiting(b)) {
                Thread.sleep(5);
            }
            run(a, "COMMIT");
            bUpdates.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("2"), lines(b, "SELECT v FROM t WHERE id = 1"));
        run(b, "COMMIT"); // b read the row's committed version under its lock: nothing to conflict with
        assertEquals(List.of("2"), db.lines("SELECT v FROM t WHERE id = 1"));
        assertEquals(List.of("1"), db.lines("SELECT id FROM t WHERE v = 2"));
    }

    @Test
    void aRowChangedByAWriterWithoutLocksStillFailsTheCommit() {
        db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
        db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, note VARCHAR(10), "
                + "FOREIGN KEY (p) REFERENCES p (id) ON UPDATE CASCADE)");
        db.exec("INSERT INTO p VALUES (1)");
        db.exec("INSERT INTO c VALUES (1, 1, '')");
        Session a = session(12);
        Session b = session(13);
        run(a, "BEGIN");
        run(a, "UPDATE c SET note = 'a' WHERE id = 1");
        // the cascade rewrites c's row without taking its lock: the COMMIT merge must still see both changes
        run(b, "UPDATE p SET id = 2 WHERE id = 1");
        SqlError e = assertThrows(SqlError.class, () -> run(a, "COMMIT"));
        assertEquals(1213, e.errorCode().code());
        assertEquals(List.of("1|2|"), db.lines("SELECT id, p, note FROM c"));
    }

    private List<String> lines(Session s, String sql) {
        List<String> out = new ArrayList<>();
        db.engine().execute(s, sql, false, r -> {
            if (r instanceof dev.scion.sql.result.StatementResult.Rows rows) {
                try (var stream = rows.rows()) {
                    Object[] row;
                    while ((row = stream.next()) != null) {
                        out.add(String.valueOf(row[0]));
                    }
                }
            }
        });
        return out;
    }

    @Test
    void concurrentIncrementsOfOneRowAreAllKept() throws Exception {
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Session s = session(20 + t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        run(s, "UPDATE t SET v = v + 1 WHERE id = 2"); // autocommit: a 1213 is re-run by the engine
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(Integer.toString(threads * each)), db.lines("SELECT v FROM t WHERE id = 2"));
        // the index moved with the row
        assertEquals(List.of("2"), db.lines("SELECT id FROM t WHERE v = " + threads * each));
    }

    @Test
    void disjointRowsOfConcurrentTransactionsAllLand() {
        Session a = session(30);
        Session b = session(31);
        run(a, "BEGIN");
        run(b, "BEGIN");
        run(a, "UPDATE t SET v = 5 WHERE id = 1");
        run(b, "UPDATE t SET v = 7 WHERE id = 3");
        run(b, "INSERT INTO t VALUES (4, 5)");
        run(a, "COMMIT");
        run(b, "COMMIT");
        assertEquals(List.of("1|5", "2|0", "3|7", "4|5"), db.lines("SELECT id, v FROM t ORDER BY id"));
        assertEquals(List.of("1", "4"), db.lines("SELECT id FROM t WHERE v = 5 ORDER BY id"));
    }

    /**
     * The merge at COMMIT checks foreign keys only on the tables it changed and their children (from the index of
     * the branch root's foreign keys), not on every table; a child row another transaction committed meanwhile is
     * still found: deleting its parent fails the COMMIT, and a child table's own merged rows are still checked.
     */
    @Test
    void foreignKeysAreCheckedThroughTheChildrenOfWhatTheMergeChanged() {
        db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
        db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id))");
        for (int i = 0; i < 20; i++) {
            db.exec("CREATE TABLE other" + i + " (id INT PRIMARY KEY)");
        }
        db.exec("INSERT INTO p VALUES (1), (2)");
        Session a = session(40);
        Session b = session(41);
        // a deletes parent 1 (no child in its snapshot); b adds a child of 1 and commits first
        run(a, "BEGIN");
        run(a, "DELETE FROM p WHERE id = 1");
        run(b, "INSERT INTO c VALUES (10, 1)");
        SqlError e = assertThrows(SqlError.class, () -> run(a, "COMMIT"));
        assertEquals(1213, e.errorCode().code());
        assertEquals(List.of("1", "2"), db.lines("SELECT id FROM p ORDER BY id"));
        // the other way round: b's child of 2 is merged after a deleted 2
        run(b, "BEGIN");
        run(b, "INSERT INTO c VALUES (20, 2)");
        run(a, "DELETE FROM p WHERE id = 2");
        SqlError e2 = assertThrows(SqlError.class, () -> run(b, "COMMIT"));
        assertEquals(1213, e2.errorCode().code());
        assertEquals(List.of("10|1"), db.lines("SELECT id, p FROM c ORDER BY id"));
        // a merge that touches neither table checks no foreign key and commits
        run(a, "BEGIN");
        run(a, "INSERT INTO other3 VALUES (1)");
        run(b, "INSERT INTO other4 VALUES (1)");
        run(a, "COMMIT");
        assertEquals(List.of("1"), db.lines("SELECT id FROM other3"));
        assertEquals(List.of("1"), db.lines("SELECT id FROM other4"));
    }
}
