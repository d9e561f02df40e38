package dev.scion.sql.plan.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

/** The fast path answers exactly what the planned path answers, and declines whatever it cannot answer alike. */
class PointSelectPathTest {
    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(20), k INT)");
        db.exec("INSERT INTO t VALUES (1, 'one', 10), (2, 'two', 20), (3, NULL, 30)");
        db.exec("CREATE TABLE s (name VARCHAR(10) PRIMARY KEY, v INT)");
        db.exec("INSERT INTO s VALUES ('a', 1), ('b', 2)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void fastPathTakesThePointSelect() {
        assertTrue(PointSelectPath.tryExecute(db.session(), "SELECT c FROM t WHERE id = 2").isPresent());
        assertTrue(PointSelectPath.tryExecute(db.session(), "SELECT v FROM s WHERE name = 'b'").isPresent());
    }

    @Test
    void onlyShapesTheFastPathAnsweredAreBrief() {
        var engine = db.engine();
        var session = db.session();
        assertTrue(!engine.runsBriefly(session, "SELECT c FROM t WHERE id = 2"), "nothing answered yet");
        db.lines("SELECT c FROM t WHERE id = 1");
        assertTrue(engine.runsBriefly(session, "SELECT c FROM t WHERE id = 2"));
        assertTrue(engine.runsBriefly(session, "SELECT k, c FROM t WHERE ID = 77"), "same table and key column");
        // same shape, but k is no key: planned (possibly as a scan), so never brief
        db.lines("SELECT c FROM t WHERE k = 10");
        assertTrue(!engine.runsBriefly(session, "SELECT c FROM t WHERE k = 10"));
        assertTrue(!engine.runsBriefly(session, "SELECT c FROM t WHERE id = 2 AND k = 1"), "not the shape");
        // the key changes: the first statement after it is declined and the shape is forgotten
        db.exec("DROP TABLE t");
        db.exec("CREATE TABLE t (id INT, k INT, c VARCHAR(20), PRIMARY KEY (id, k))");
        db.exec("INSERT INTO t VALUES (2, 20, 'two')");
        assertEquals(List.of("two"), db.lines("SELECT c FROM t WHERE id = 2"));
        assertTrue(!engine.runsBriefly(session, "SELECT c FROM t WHERE id = 2"));
    }

    @Test
    void sameRowsAsThePlannedPath() {
        // "AND 1 = 1" keeps the same meaning but is not a fast-path shape, so it goes through Calcite
        for (String q : List.of("SELECT c FROM t WHERE id = 2", "SELECT * FROM t WHERE id = 3",
                "SELECT k, c FROM t WHERE id = 9", "SELECT v FROM s WHERE name = 'b'",
                "SELECT name FROM d.s WHERE name = 'zz'")) {
            assertEquals(db.lines(q + " AND 1 = 1"), db.lines(q), q);
        }
        assertEquals(List.of("two"), db.lines("SELECT c FROM t WHERE id = 2"));
        assertEquals(List.of("3|NULL|30"), db.lines("SELECT * FROM t WHERE id = 3"));
    }

    @Test
    void declinesWhatItCannotAnswer() {
        for (String q : List.of("SELECT c FROM t WHERE k = 10", "SELECT c FROM t WHERE id = '2'",
                "SELECT nope FROM t WHERE id = 1", "SELECT c FROM missing WHERE id = 1",
                "SELECT v FROM s WHERE name = 5")) {
            assertTrue(PointSelectPath.tryExecute(db.session(), q).isEmpty(), q);
        }
        assertEquals(List.of("one"), db.lines("SELECT c FROM t WHERE k = 10"));
        SqlError e = assertThrows(SqlError.class, () -> db.lines("SELECT nope FROM t WHERE id = 1"));
        assertEquals(ErrorCode.BAD_FIELD, e.errorCode());
        e = assertThrows(SqlError.class, () -> db.lines("SELECT c FROM missing WHERE id = 1"));
        assertEquals(ErrorCode.NO_SUCH_TABLE, e.errorCode());
    }

    @Test
    void seesTheTransactionsOwnWrites() {
        db.exec("BEGIN");
        db.exec("UPDATE t SET c = 'uno' WHERE id = 1");
        assertEquals(List.of("uno"), db.lines("SELECT c FROM t WHERE id = 1"));
        db.exec("ROLLBACK");
        assertEquals(List.of("one"), db.lines("SELECT c FROM t WHERE id = 1"));
    }
}
