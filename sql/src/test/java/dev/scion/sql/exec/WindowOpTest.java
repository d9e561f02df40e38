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
    void unsupportedFrameIsAnError() {
        assertThrows(SqlError.class, () -> db.lines(
                "SELECT SUM(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"));
    }
}
