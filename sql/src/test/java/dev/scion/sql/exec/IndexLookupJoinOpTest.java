package dev.scion.sql.exec;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index lookup joins and key-order reads give exactly the rows of the hash join and of the sort they replace. Each
 * query runs twice: as written (the plan uses the index, checked with EXPLAIN) and with the table behind a derived
 * table with a LIMIT, which neither optimisation takes, so it hashes and sorts as before.
 */
class IndexLookupJoinOpTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE big (id INT PRIMARY KEY, k INT, g INT, v VARCHAR(10), KEY k_idx (k), KEY gk (g, k))");
        db.exec("CREATE TABLE outer_rows (id INT PRIMARY KEY, x BIGINT, y DECIMAL(6,1), z DOUBLE)");
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
        for (int i = 1; i <= 600; i++) {
            sb.append(i == 1 ? "" : ",").append('(').append(i).append(',')
                    .append(random.nextInt(10) == 0 ? "NULL" : String.valueOf(random.nextInt(80) - 10)).append(',')
                    .append(random.nextInt(8) == 0 ? "NULL" : String.valueOf(random.nextInt(5))).append(",'v")
                    .append(random.nextInt(30)).append("')");
        }
        db.exec(sb.toString());
        sb = new StringBuilder("INSERT INTO outer_rows VALUES ");
        for (int i = 1; i <= 12; i++) {
            int x = random.nextInt(700) - 50;
            sb.append(i == 1 ? "" : ",").append('(').append(i).append(',').append(i % 5 == 0 ? "NULL" : x)
                    .append(',').append(i % 3 == 0 ? x + ".5" : x + ".0").append(',').append(x).append("e0)");
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

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        Collections.sort(out);
        return out;
    }

    /** {@code query} with {@code {big}} as the table (index plan) and as a derived table (hash join / sort plan). */
    private void sameAsHashJoin(String query) {
        String direct = query.replace("{big}", "big");
        String hashed = query.replace("{big}", "(SELECT * FROM big LIMIT 100000)");
        assertTrue(plan(direct).contains("IndexLookupJoin"), plan(direct));
        assertFalse(plan(hashed).contains("IndexLookupJoin"), plan(hashed));
        List<String> expected = sorted(db.lines(hashed));
        assertEquals(expected, sorted(db.lines(direct)), direct);
    }

    @Test
    void joinsThroughThePrimaryKeyMatchTheHashJoin() {
        sameAsHashJoin("SELECT o.id, b.id, b.v FROM outer_rows o JOIN {big} b ON b.id = o.x");
        sameAsHashJoin("SELECT o.id, b.v FROM outer_rows o LEFT JOIN {big} b ON b.id = o.x AND b.k > 5");
        sameAsHashJoin("SELECT o.id, b.v FROM outer_rows o JOIN {big} b ON b.id = o.y");
        sameAsHashJoin("SELECT o.id, b.v FROM outer_rows o LEFT JOIN {big} b ON b.id = o.z WHERE o.id > 2");
        sameAsHashJoin("SELECT b.v, o.id FROM {big} b JOIN outer_rows o ON b.id = o.x WHERE b.g = 1");
    }

    @Test
    void joinsThroughSecondaryIndexesMatchTheHashJoin() {
        assertEquals(2, db.rows("SELECT 1 FROM outer_rows o JOIN big b ON b.k = o.x LIMIT 2").size(),
                "the data must give the index some matches");
        sameAsHashJoin("SELECT o.id, b.id FROM outer_rows o JOIN {big} b ON b.k = o.x");
        sameAsHashJoin("SELECT o.id, b.id FROM outer_rows o LEFT JOIN {big} b ON b.k = o.x AND b.v <> 'v3'");
        sameAsHashJoin("SELECT o.id, b.id FROM outer_rows o JOIN {big} b ON b.g = o.id - 8 AND b.k = o.x");
        sameAsHashJoin("SELECT o.id, COUNT(*) FROM outer_rows o JOIN {big} b ON b.k = o.y GROUP BY o.id");
    }

    /** {@code query} read in key order (no Sort in its plan) gives the rows of the same query sorted. */
    private void sameAsSort(String query) {
        String direct = query.replace("{big}", "big");
        String sortedPlan = query.replace("{big}", "(SELECT * FROM big LIMIT 100000) b");
        assertFalse(plan(direct).contains("Sort"), plan(direct));
        assertTrue(plan(sortedPlan).contains("Sort"), plan(sortedPlan));
        assertEquals(db.lines(sortedPlan), db.lines(direct), direct);
    }

    @Test
    void keyOrderReadsMatchTheSort() {
        sameAsSort("SELECT id, k FROM {big} ORDER BY id DESC LIMIT 17");
        sameAsSort("SELECT id, k FROM {big} WHERE id BETWEEN 100 AND 200 ORDER BY id DESC");
        sameAsSort("SELECT k, id FROM {big} ORDER BY k, id LIMIT 40");
        sameAsSort("SELECT k, id FROM {big} ORDER BY k DESC, id DESC LIMIT 40 OFFSET 30");
        sameAsSort("SELECT k, id FROM {big} WHERE k > 60 OR k < -5 ORDER BY k DESC, id DESC LIMIT 25");
        sameAsSort("SELECT k, id, v FROM {big} WHERE g = 3 ORDER BY k, id");
        sameAsSort("SELECT k, id FROM {big} WHERE g = 2 AND v > 'v2' ORDER BY g DESC, k DESC, id DESC LIMIT 9");
        sameAsSort("SELECT id FROM {big} WHERE k = 7 ORDER BY id DESC");
    }
}
