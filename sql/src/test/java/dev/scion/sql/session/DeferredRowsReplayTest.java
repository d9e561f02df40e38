package dev.scion.sql.session;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import dev.scion.versioning.merge.TableMerger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A COMMIT of deferred one-row writes replayed onto a branch that moved (docs/versioned-sql.md, "A transaction of
 * deferred one-row writes is replayed at COMMIT") decides what the three-way merge decides: a row changed since
 * the snapshot and a unique key taken meanwhile fail it; a changed schema, foreign keys and CHECK constraints are
 * handled as the merge handles them. Each case asserts which road the commit took, so that a test of the replay
 * cannot pass through the merge unnoticed.
 */
class DeferredRowsReplayTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, e INT, KEY kv (v), UNIQUE KEY ue (e))");
        db.exec("INSERT INTO t VALUES (1, 0, 1), (2, 0, 2), (3, 0, 3)");
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

    /** The roads {@code commit} took: replays, tables merged. */
    private static long[] roads(Runnable commit) {
        long replayed = DeferredRowsRebase.replayed();
        long merged = TableMerger.tablesMerged();
        commit.run();
        return new long[] {DeferredRowsRebase.replayed() - replayed, TableMerger.tablesMerged() - merged};
    }

    @Test
    void disjointWriteTransactionsAreReplayedAndAllLand() {
        Session a = session(10);
        Session b = session(11);
        run(a, "BEGIN");
        run(b, "BEGIN");
        run(a, "UPDATE t SET v = v + 5 WHERE id = 1");
        run(a, "DELETE FROM t WHERE id = 2");
        run(b, "UPDATE t SET v = 7 WHERE id = 3");
        run(b, "INSERT INTO t VALUES (4, 5, 4)");
        run(b, "UPDATE t SET v = 6 WHERE id = 4"); // a row the transaction inserted, changed again
        run(a, "COMMIT");
        long[] r = roads(() -> run(b, "COMMIT"));
        assertEquals(1, r[0], "replayed");
        assertEquals(0, r[1], "not merged");
        assertEquals(List.of("1|5|1", "3|7|3", "4|6|4"), db.lines("SELECT id, v, e FROM t ORDER BY id"));
        // the index followed the rows: found through kv
        assertEquals(List.of("1"), db.lines("SELECT id FROM t WHERE v = 5"));
        assertEquals(List.of("4"), db.lines("SELECT id FROM t WHERE v = 6"));
        assertEquals(List.of(), db.lines("SELECT id FROM t WHERE v = 0"));
    }

    @Test
    void aUniqueKeyTakenMeanwhileFailsTheCommit() {
        Session a = session(12);
        Session b = session(13);
        run(a, "BEGIN");
        run(b, "BEGIN");
        run(a, "INSERT INTO t VALUES (10, 0, 77)");
        run(b, "INSERT INTO t VALUES (11, 0, 77)");
        run(a, "COMMIT");
        SqlError e = assertThrows(SqlError.class, () -> run(b, "COMMIT"));
        assertEquals(1213, e.errorCode().code());
        assertTrue(e.getMessage().contains("table 't': 2 row(s) would violate a unique key"), e.getMessage());
        assertEquals(List.of("10"), db.lines("SELECT id FROM t WHERE e = 77"));
    }

    /** dolt_merge writes the branch's rows without row locks: the replay's row check still sees the change. */
    @Test
    void aRowChangedWithoutItsLockFailsTheCommit() {
        db.exec("CALL dolt_commit('-Am', 'init')");
        db.exec("CALL dolt_checkout('-b', 'feature')");
        db.exec("UPDATE t SET v = 9 WHERE id = 1");
        db.exec("CALL dolt_commit('-am', 'feature')");
        db.exec("CALL dolt_checkout('main')");
        Session a = session(14);
        run(a, "BEGIN");
        run(a, "UPDATE t SET v = 5 WHERE id = 1");
        db.exec("CALL dolt_merge('feature')");
        long replayed = DeferredRowsRebase.replayed();
        SqlError e = assertThrows(SqlError.class, () -> run(a, "COMMIT"));
        assertEquals(0, DeferredRowsRebase.replayed() - replayed);
        assertEquals(1213, e.errorCode().code());
        assertTrue(e.getMessage().contains("table 't': 1 row(s) were changed concurrently"), e.getMessage());
        assertEquals(List.of("9"), db.lines("SELECT v FROM t WHERE id = 1"));
    }

    /** A column added meanwhile: the replay leaves the table to the merge, which brings the row into the new schema. */
    @Test
    void aSchemaChangedMeanwhileIsMerged() {
        Session a = session(15);
        run(a, "BEGIN");
        run(a, "UPDATE t SET v = 5 WHERE id = 1");
        db.exec("ALTER TABLE t ADD COLUMN w INT");
        db.exec("UPDATE t SET w = 3 WHERE id = 3");
        long[] r = roads(() -> run(a, "COMMIT"));
        assertEquals(0, r[0], "not replayed");
        assertEquals(1, r[1], "merged");
        assertEquals(List.of("1|5|NULL", "2|0|NULL", "3|0|3"), db.lines("SELECT id, v, w FROM t ORDER BY id"));
    }

    /** With foreign_key_checks off the fast path writes a child table; its COMMIT is merged, which checks them. */
    @Test
    void aTableWithForeignKeysIsMerged() {
        db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
        db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id))");
        db.exec("INSERT INTO p VALUES (1)");
        db.exec("INSERT INTO c VALUES (1, 1), (2, 1)");
        Session a = session(16);
        run(a, "SET foreign_key_checks = 0");
        run(a, "BEGIN");
        run(a, "UPDATE c SET p = 1 WHERE id = 2");
        run(a, "INSERT INTO c VALUES (3, 1)");
        db.exec("INSERT INTO c VALUES (4, 1)");
        long[] r = roads(() -> run(a, "COMMIT"));
        assertEquals(0, r[0], "not replayed");
        assertEquals(1, r[1], "merged");
        assertEquals(List.of("1", "2", "3", "4"), db.lines("SELECT id FROM c ORDER BY id"));
    }

    /** A table with CHECK constraints is replayed; its replayed rows are checked as the merge checks them. */
    @Test
    void aTableWithChecksIsReplayed() {
        db.exec("CREATE TABLE k (id INT PRIMARY KEY, v INT, CHECK (v >= 0))");
        db.exec("INSERT INTO k VALUES (1, 1), (2, 2)");
        Session a = session(17);
        run(a, "BEGIN");
        run(a, "UPDATE k SET v = 10 WHERE id = 1");
        db.exec("UPDATE k SET v = 20 WHERE id = 2");
        long[] r = roads(() -> run(a, "COMMIT"));
        assertEquals(1, r[0], "replayed");
        assertEquals(0, r[1], "not merged");
        assertEquals(List.of("1|10", "2|20"), db.lines("SELECT id, v FROM k ORDER BY id"));
    }

    /**
     * sysbench's oltp_write_only picks a table per statement: a transaction's deferred writes to several tables
     * stay deferred (none is built when the next table is written) and are replayed together, each onto the table
     * the branch holds now.
     */
    @Test
    void writesToSeveralTablesAreReplayedTogether() {
        db.exec("CREATE TABLE u (id INT PRIMARY KEY, v INT NOT NULL, KEY kv (v))");
        db.exec("INSERT INTO u VALUES (1, 0), (2, 0), (3, 0)");
        Session a = session(18);
        Session b = session(19);
        var state = b.findDatabase("d").orElseThrow();
        run(a, "BEGIN");
        run(b, "BEGIN");
        run(a, "UPDATE t SET v = 1 WHERE id = 1");
        run(a, "UPDATE u SET v = 1 WHERE id = 1");
        long settles = state.settles();
        run(b, "UPDATE u SET v = 2 WHERE id = 2");
        run(b, "UPDATE t SET v = 2 WHERE id = 2");
        run(b, "DELETE FROM u WHERE id = 3");
        run(b, "INSERT INTO t VALUES (4, 2, 4)");
        assertEquals(0, state.settles() - settles, "no table's writes built before COMMIT");
        run(a, "COMMIT");
        long onto = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged();
        long[] r = roads(() -> run(b, "COMMIT"));
        assertEquals(1, r[0], "replayed");
        assertEquals(0, r[1], "not merged");
        assertEquals(2, dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged() - onto,
                "both tables replayed onto what the other commit left");
        assertEquals(0, state.settles() - settles, "the COMMIT built nothing on the snapshot");
        assertEquals(List.of("1|1|1", "2|2|2", "3|0|3", "4|2|4"), db.lines("SELECT id, v, e FROM t ORDER BY id"));
        assertEquals(List.of("1|1", "2|2"), db.lines("SELECT id, v FROM u ORDER BY id"));
        assertEquals(List.of("2"), db.lines("SELECT id FROM u WHERE v = 2"));
        assertEquals(List.of("2", "4"), db.lines("SELECT id FROM t WHERE v = 2 ORDER BY id"));
    }

    /** A conflict in one table fails the whole transaction: none of its tables' writes land. */
    @Test
    void aConflictInOneTableFailsEveryTable() {
        db.exec("CREATE TABLE u (id INT PRIMARY KEY, v INT NOT NULL)");
        db.exec("INSERT INTO u VALUES (1, 0), (2, 0)");
        Session a = session(20);
        Session b = session(21);
        run(a, "BEGIN");
        run(b, "BEGIN");
        run(b, "UPDATE u SET v = 8 WHERE id = 2");
        run(b, "UPDATE t SET v = 8 WHERE id = 3");
        run(b, "INSERT INTO t VALUES (5, 8, 77)");
        run(a, "UPDATE u SET v = 1 WHERE id = 1");
        run(a, "INSERT INTO t VALUES (6, 1, 77)"); // the same unique key, committed first
        run(a, "COMMIT");
        SqlError e = assertThrows(SqlError.class, () -> run(b, "COMMIT"));
        assertEquals(1213, e.errorCode().code());
        assertTrue(e.getMessage().contains("table 't': 2 row(s) would violate a unique key"), e.getMessage());
        assertEquals(List.of("1|0", "2|0", "3|0", "6|1"), db.lines("SELECT id, v FROM t ORDER BY id"));
        assertEquals(List.of("1|1", "2|0"), db.lines("SELECT id, v FROM u ORDER BY id"));
    }

    /**
     * One of the tables has foreign keys (written with foreign_key_checks off): the whole transaction goes to the
     * merge, which checks them, and every table's writes land.
     */
    @Test
    void aForeignKeyAmongSeveralTablesSendsTheTransactionToTheMerge() {
        db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
        db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id))");
        db.exec("INSERT INTO p VALUES (1)");
        db.exec("INSERT INTO c VALUES (1, 1)");
        Session a = session(22);
        run(a, "SET foreign_key_checks = 0");
        run(a, "BEGIN");
        run(a, "UPDATE t SET v = 3 WHERE id = 3");
        run(a, "INSERT INTO c VALUES (3, 1)");
        db.exec("INSERT INTO t VALUES (6, 0, 6)");
        long[] r = roads(() -> run(a, "COMMIT"));
        assertEquals(0, r[0], "not replayed");
        assertTrue(r[1] >= 1, "merged");
        assertEquals(List.of("1", "3"), db.lines("SELECT id FROM c ORDER BY id"));
        assertEquals(List.of("3|3", "6|0"), db.lines("SELECT id, v FROM t WHERE id IN (3, 6) ORDER BY id"));
    }

    /** An autocommit one-row write is replayed too, and the next one finds its table without a lookup. */
    @Test
    void autocommitWritesAreReplayedOnAnUnmovedBranch() {
        long replayed = DeferredRowsRebase.replayed();
        long merged = TableMerger.tablesMerged();
        for (int i = 0; i < 5; i++) {
            db.exec("UPDATE t SET v = v + 1 WHERE id = 2");
        }
        assertEquals(0, TableMerger.tablesMerged() - merged);
        assertEquals(0, DeferredRowsRebase.replayed() - replayed, "an unmoved branch is not counted as a replay");
        assertEquals(List.of("5"), db.lines("SELECT v FROM t WHERE id = 2"));
        var targets = db.session().findDatabase("d").orElseThrow().writeTargets();
        long hits = targets.hits();
        db.exec("UPDATE t SET v = v + 1 WHERE id = 2");
        assertEquals(1, targets.hits() - hits, "the table remembered for the root the last COMMIT installed");
    }
}
