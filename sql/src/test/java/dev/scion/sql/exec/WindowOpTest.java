package dev.scion.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;

/** Window functions through the whole engine, values as MySQL 8 gives them. */
class WindowOpTest {
    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, g INT, v INT)");
        db.exec("INSERT INTO t VALUES (1, 1, 10), (2, 1, 20), (3, 1, 20), (4, 2, 5), (5, 2, NULL)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void rankingFunctions() {
        // v DESC: 20, 20, 10 in group 1; NULL sorts last descending in group 2
        assertEquals(List.of("1|3|3|2", "2|1|1|1", "3|2|1|1", "4|1|1|1", "5|2|2|2"),
                db.lines("SELECT id, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v DESC, id),"
                        + " RANK() OVER (PARTITION BY g ORDER BY v DESC), DENSE_RANK() OVER (PARTITION BY g ORDER BY v DESC)"
                        + " FROM t ORDER BY id"));
    }

    @Test
    void aggregatesOverPartitionAndRunningFrames() {
        // ascending, NULL comes first in group 2, so its running sum is over NULL alone
        assertEquals(List.of("1|50|10", "2|50|50", "3|50|50", "4|5|5", "5|5|NULL"),
                db.lines("SELECT id, SUM(v) OVER (PARTITION BY g), SUM(v) OVER (PARTITION BY g ORDER BY v) FROM t"
                        + " ORDER BY id"));
        assertEquals(List.of("1|10", "2|30", "3|50", "4|55", "5|55"),
                db.lines("SELECT id, SUM(v) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                        + " FROM t ORDER BY id"));
    }

    @Test
    void navigationFunctions() {
        assertEquals(List.of("1|NULL|20|10|10|NULL", "2|10|5|10|20|20", "3|20|NULL|10|20|20", "4|20|-1|10|5|20",
                        "5|5|-1|10|NULL|20"),
                db.lines("SELECT id, LAG(v) OVER w, LEAD(v, 2, -1) OVER w, FIRST_VALUE(v) OVER w, LAST_VALUE(v) OVER w,"
                        + " NTH_VALUE(v, 2) OVER w FROM t WINDOW w AS (ORDER BY id) ORDER BY id"));
        assertEquals(List.of("1|20", "2|20", "3|20", "4|NULL", "5|NULL"),
                db.lines("SELECT id, LAST_VALUE(v) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING"
                        + " AND UNBOUNDED FOLLOWING) FROM t ORDER BY id"));
    }

    @Test
    void slidingRowsAndRangeFrames() {
        assertEquals(List.of("1|30|5", "2|50|4", "3|45|3", "4|25|2", "5|5|1"),
                db.lines("SELECT id, SUM(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
                        + " COUNT(*) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
                        + " FROM t ORDER BY id"));
        // RANGE by value: v within [v - 5, v]; NULL is a peer of NULL only
        assertEquals(List.of("1|15", "2|40", "3|40", "4|5", "5|NULL"),
                db.lines("SELECT id, SUM(v) OVER (ORDER BY v RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) FROM t"
                        + " ORDER BY id"));
    }

    @Test
    void distributionFunctions() {
        assertEquals(List.of("1|1|0.5|0.6", "2|1|0.75|1", "3|1|0.75|1", "4|2|0.25|0.4", "5|2|0|0.2"),
                db.lines("SELECT id, NTILE(2) OVER (ORDER BY id), PERCENT_RANK() OVER (ORDER BY v),"
                        + " CUME_DIST() OVER (ORDER BY v) FROM t ORDER BY id"));
    }

    @Test
    void rangeOffsetNeedsOneOrderKey() {
        assertThrows(SqlError.class, () -> db.lines(
                "SELECT SUM(v) OVER (ORDER BY g, v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"));
    }
}
