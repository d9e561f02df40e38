package dev.scion.sql.catalog;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home of a session's temporary tables keeps only what its tables reach, however often they are rewritten. */
class TemporaryTablesTest {
    @TempDir
    Path dir;

    @Test
    void rewritingATemporaryTableDoesNotGrowItsBufferWithoutBound() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.exec("CREATE DATABASE d");
            f.exec("USE d");
            f.exec("CREATE TEMPORARY TABLE t (id INT PRIMARY KEY, v VARCHAR(100))");
            f.exec("INSERT INTO t WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000) "
                    + "SELECT n, REPEAT('x', 90) FROM s");
            DatabaseState home = f.session().temporaryTables().homes().get(0);
            long afterLoad = home.temporaryBytes();
            long most = 0;
            for (int i = 0; i < 40; i++) {
                f.exec("UPDATE t SET v = REPEAT('" + (char) ('a' + i % 26) + "', 90)");
                most = Math.max(most, home.temporaryBytes());
            }
            // each UPDATE rewrites every leaf (about as much as the load wrote); without compaction 40 of them
            // would hold some 40 times the table
            assertTrue(most < 4 * afterLoad + (3 << 19), "buffer grew to " + most + " bytes from " + afterLoad);
            assertEquals(List.of("1000|" + "n".repeat(90)), f.lines("SELECT count(*), min(v) FROM t"));
            f.exec("ROLLBACK");
            assertEquals(List.of("1000"), f.lines("SELECT count(*) FROM t WHERE v = REPEAT('n', 90)"));
        }
    }
}
