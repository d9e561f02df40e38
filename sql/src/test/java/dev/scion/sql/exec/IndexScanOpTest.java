package dev.scion.sql.exec;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters bounding an indexed integer column read that index's ranges and return what a full scan would. */
class IndexScanOpTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, k INT, c VARCHAR(10), KEY k_1 (k))");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 1; i <= 200; i++) {
            // k repeats (i % 50) so each k value has four rows; row 200 has a NULL k
            sb.append(i == 1 ? "" : ",").append('(').append(i).append(',').append(i == 200 ? "NULL" : i % 50)
                    .append(",'r").append(i).append("')");
        }
        db.exec(sb.toString());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String plan(String query) {
        return String.join("\n", db.lines("EXPLAIN " + query));
    }

    /** The physical plan as the golden files print it (EXPLAIN names operators only). */
    private String operators(String query) {
        return dev.scion.sql.plan.PlanPrinter.print(dev.scion.sql.plan.QueryPlanner.plan(db.session(),
                dev.scion.sql.parser.StatementReader.statement(query), query).root());
    }

    @Test
    void sysbenchRandomRangesCountThroughTheIndex() {
        String q = "SELECT COUNT(k) FROM t WHERE k BETWEEN 3 AND 5 OR k BETWEEN 10 AND 10 OR k BETWEEN 4 AND 7";
        assertTrue(plan(q).contains("IndexScan"), plan(q));
        assertTrue(!plan("SELECT COUNT(k) FROM t WHERE k > 3").contains("IndexScan"), "an unbounded range scans the table");
        // k in 3..7 and 10: six values, four rows each
        assertEquals(List.of("24"), db.lines(q));
        assertEquals(List.of("8"), db.lines("SELECT COUNT(*) FROM t WHERE k BETWEEN 48 AND 60"));
    }

    @Test
    void rowsComeInPrimaryKeyOrderAndTheFilterStillApplies() {
        assertEquals(List.of("2", "52", "102", "152"), db.lines("SELECT id FROM t WHERE k = 2"));
        assertEquals(List.of("52"), db.lines("SELECT id FROM t WHERE k = 2 AND c = 'r52'"));
        assertEquals(List.of("1", "2", "51", "52"), db.lines("SELECT id FROM t WHERE k BETWEEN 1 AND 2 AND id < 100"));
        assertEquals(List.of(), db.lines("SELECT id FROM t WHERE k > 5 AND k < 3"));
    }

    @Test
    void answersMatchAFullScanForMixedConditions() {
        String[] conditions = {"k = 7", "k >= 10 AND k <= 12", "k BETWEEN 1 AND 3 OR k = 49", "k = 1 OR c = 'r5'",
                "k < 3", "k > 47", "k BETWEEN 5 AND 2", "k IS NULL", "k = 3 OR k = 3", "(k BETWEEN 0 AND 1) AND k <> 1"};
        for (String where : conditions) {
            List<String> viaFilter = db.lines("SELECT id FROM t WHERE " + where);
            // a CASE hides the condition from index selection: this one is a full scan
            String fullScan = "SELECT id FROM t WHERE CASE WHEN " + where + " THEN 1 ELSE 0 END = 1";
            assertTrue(!plan(fullScan).contains("IndexScan"), fullScan);
            assertEquals(db.lines(fullScan), viaFilter, where);
        }
    }

    @Test
    void anIndexHoldingEveryUsedColumnAnswersWithoutTheRows() {
        String count = "SELECT COUNT(k) FROM t WHERE k BETWEEN 3 AND 5 OR k BETWEEN 10 AND 10";
        assertTrue(plan(count).contains("CoveringIndexScan"), plan(count));
        assertEquals(List.of("16"), db.lines(count));
        String ids = "SELECT id, k + 1 FROM t WHERE k BETWEEN 2 AND 3";
        assertTrue(plan(ids).contains("CoveringIndexScan"), plan(ids));
        assertEquals(List.of("2|3", "3|4", "52|3", "53|4", "102|3", "103|4", "152|3", "153|4"),
                db.lines(ids));
        String withC = "SELECT c FROM t WHERE k BETWEEN 2 AND 3";
        assertTrue(plan(withC).contains("IndexScan") && !plan(withC).contains("CoveringIndexScan"), plan(withC));
        assertEquals(List.of("r2", "r3", "r52", "r53", "r102", "r103", "r152", "r153"), db.lines(withC));
        String filterOnC = "SELECT COUNT(*) FROM t WHERE k BETWEEN 2 AND 3 AND c <> 'r52'";
        assertTrue(!plan(filterOnC).contains("CoveringIndexScan"), "the filter reads c: " + plan(filterOnC));
        assertEquals(List.of("7"), db.lines(filterOnC));
    }

    @Test
    void anOrderFreeAggregateStreamsTheIndexOnceOverOverlappingRanges() {
        String[] conditions = {"k BETWEEN 3 AND 5 OR k BETWEEN 10 AND 10 OR k BETWEEN 4 AND 7",
                "k = 1 OR k BETWEEN 0 AND 2", "k BETWEEN 40 AND 45 OR k BETWEEN 2 AND 4 OR k BETWEEN 41 AND 41",
                "k = 3 OR k = 3", "k > 47 AND k < 49 OR k BETWEEN 10 AND 12", "k BETWEEN 5 AND 2"};
        for (String where : conditions) {
            String q = "SELECT COUNT(k), SUM(k), MIN(id), MAX(id) FROM t WHERE " + where;
            assertTrue(operators(q).contains("in index order"), operators(q));
            String fullScan = "SELECT COUNT(k), SUM(k), MIN(id), MAX(id) FROM t WHERE CASE WHEN " + where
                    + " THEN 1 ELSE 0 END = 1";
            assertTrue(!plan(fullScan).contains("IndexScan"), fullScan);
            assertEquals(db.lines(fullScan), db.lines(q), where);
        }
        // rows a consumer sees in order still come sorted by primary key
        String ordered = "SELECT GROUP_CONCAT(id) FROM t WHERE k BETWEEN 2 AND 3 OR k = 1";
        assertTrue(!operators(ordered).contains("in index order"), operators(ordered));
        assertEquals(List.of("1,2,3,51,52,53,101,102,103,151,152,153"), db.lines(ordered));
    }
}
