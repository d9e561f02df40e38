package dev.scion.sql.plan.cache;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan cache through the engine: repeated shapes plan once, and every answer stays what planning anew gives. */
class PlanCacheTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL, c VARCHAR(20))");
        db.exec("INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (4, 40, 'd'), (5, 50, 'e')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long built() {
        return db.session().planCache().plansBuilt();
    }

    @Test
    void aRepeatedShapeWithNewLiteralsIsPlannedOnce() {
        long before = built();
        assertEquals(List.of("60"), db.lines("SELECT SUM(k) FROM t WHERE id BETWEEN 1 AND 3"));
        assertEquals(before + 1, built());
        assertEquals(List.of("90"), db.lines("SELECT SUM(k) FROM t WHERE id BETWEEN 2 AND 4"));
        assertEquals(List.of("50"), db.lines("SELECT SUM(k) FROM t WHERE id BETWEEN 5 AND 9"));
        assertEquals(List.of("c", "b"), db.lines("SELECT c FROM t WHERE id BETWEEN 2 AND 3 ORDER BY c DESC"));
        assertEquals(List.of("e", "d"), db.lines("SELECT c FROM t WHERE id BETWEEN 4 AND 5 ORDER BY c DESC"));
        assertEquals(before + 2, built());
        assertEquals(3, db.session().planCache().hits());
    }

    @Test
    void updatesAndDeletesByKeyReuseTheirPlans() {
        db.exec("UPDATE t SET k = k + 1 WHERE id = 1");
        long afterFirstUpdate = built();
        db.exec("UPDATE t SET k = k + 1 WHERE id = 2");
        assertEquals(afterFirstUpdate, built());
        db.exec("DELETE FROM t WHERE id = 3");
        long afterFirstDelete = built();
        db.exec("DELETE FROM t WHERE id = 4");
        assertEquals(afterFirstDelete, built());
        assertEquals(List.of("1|11", "2|21", "5|50"), db.lines("SELECT id, k FROM t"));
    }

    @Test
    void aCachedPlanReadsTheCurrentRows() {
        assertEquals(List.of("a"), db.lines("SELECT c FROM t WHERE id = 1 AND k > 0"));
        db.exec("UPDATE t SET c = 'z' WHERE id = 2");
        db.exec("INSERT INTO t VALUES (6, 60, 'f')");
        long before = built();
        assertEquals(List.of("z"), db.lines("SELECT c FROM t WHERE id = 2 AND k > 0"));
        assertEquals(List.of("f"), db.lines("SELECT c FROM t WHERE id = 6 AND k > 0"));
        assertEquals(before, built());
    }

    @Test
    void aSchemaChangeReplans() {
        assertEquals(List.of("1|10|a"), db.lines("SELECT * FROM t WHERE id = 1 AND k > 0"));
        db.exec("ALTER TABLE t ADD COLUMN extra INT DEFAULT 7");
        assertEquals(List.of("2|20|b|7"), db.lines("SELECT * FROM t WHERE id = 2 AND k > 0"));
        db.exec("DROP TABLE t");
        SqlError e = assertThrows(SqlError.class, () -> db.lines("SELECT * FROM t WHERE id = 3 AND k > 0"));
        assertEquals(1146, e.code());
    }

    @Test
    void aLiteralOfAnotherKindGetsItsOwnPlanWithMySqlSemantics() {
        // '3' against an INT column compares as a number; 3 against a string column compares as a number too
        assertEquals(List.of("c"), db.lines("SELECT c FROM t WHERE id = '3' AND k > 0"));
        assertEquals(List.of("c"), db.lines("SELECT c FROM t WHERE id = 3 AND k > 0"));
        db.exec("CREATE TABLE s (id INT PRIMARY KEY, v VARCHAR(10))");
        db.exec("INSERT INTO s VALUES (1, '07'), (2, 'x7')");
        assertEquals(List.of("1"), db.lines("SELECT id FROM s WHERE v = 7"));
        assertEquals(List.of("1"), db.lines("SELECT id FROM s WHERE v = 7"));
        assertEquals(List.of(), db.lines("SELECT id FROM s WHERE v = '7'"));
        assertEquals(List.of("2"), db.lines("SELECT id FROM s WHERE v = 'x7'"));
    }

    @Test
    void ordinalsAndLimitsAreNotParameters() {
        assertEquals(List.of("5|e", "4|d"), db.lines("SELECT id, c FROM t ORDER BY 1 DESC LIMIT 2"));
        assertEquals(List.of("1|a"), db.lines("SELECT id, c FROM t ORDER BY 1 LIMIT 1"));
        assertEquals(List.of("e|5"), db.lines("SELECT c, id FROM t ORDER BY 2 DESC LIMIT 1"));
        assertEquals(List.of("0|2", "1|3"), db.lines("SELECT k > 25, COUNT(*) FROM t GROUP BY 1 ORDER BY 1"));
        assertEquals(List.of("0|3", "1|2"), db.lines("SELECT k > 35, COUNT(*) FROM t GROUP BY 1 ORDER BY 1"));
    }

    @Test
    void aRedefinedViewIsPlannedAgain() {
        db.exec("CREATE VIEW v AS SELECT id, k FROM t WHERE k < 30");
        assertEquals(List.of("2"), db.lines("SELECT id FROM v WHERE id = 2"));
        db.exec("CREATE OR REPLACE VIEW v AS SELECT id, k FROM t WHERE k > 30");
        assertEquals(List.of(), db.lines("SELECT id FROM v WHERE id = 2"));
        assertEquals(List.of("4"), db.lines("SELECT id FROM v WHERE id = 4"));
    }

    @Test
    void aBranchSwitchReadsTheOtherBranch() {
        db.exec("CALL dolt_commit('-A', '-m', 'base')");
        db.exec("CALL dolt_checkout('-b', 'feature')");
        db.exec("UPDATE t SET c = 'feat' WHERE id = 1");
        assertEquals(List.of("feat"), db.lines("SELECT c FROM t WHERE id = 1 AND k > 0"));
        db.exec("CALL dolt_checkout('main')");
        assertEquals(List.of("a"), db.lines("SELECT c FROM t WHERE id = 1 AND k > 0"));
    }

    @Test
    void historicalReadsAreNotCached() {
        db.exec("CALL dolt_commit('-A', '-m', 'base')");
        db.exec("UPDATE t SET c = 'new' WHERE id = 1");
        assertEquals(List.of("a"), db.lines("SELECT c FROM t AS OF 'main' WHERE id = 1"));
        assertEquals(List.of("new"), db.lines("SELECT c FROM t WHERE id = 1 AND k > 0"));
        assertEquals(List.of("a"), db.lines("SELECT c FROM t AS OF 'main' WHERE id = 1"));
    }
}
