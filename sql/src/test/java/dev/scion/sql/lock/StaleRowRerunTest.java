package dev.scion.sql.lock;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A statement that locks several rows another transaction changed after its snapshot reruns once, having caught up
 * on all of them, not once per row; its result builds on every row's latest version.
 */
class StaleRowRerunTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void load() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL)");
        db.exec("INSERT INTO t VALUES (1, 100), (2, 200), (3, 300), (4, 400), (5, 500), (6, 600)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> run(Session s, String sql) {
        List<String> out = new ArrayList<>();
        db.engine().execute(s, sql, false, r -> out.add(String.valueOf(r)));
        return out;
    }

    @Test
    void anUpdateLockingFiveStaleRowsRerunsOnce() {
        Session a = db.engine().openSession(501, "root", "localhost", true);
        Session b = db.engine().openSession(502, "root", "localhost", true);
        run(a, "USE d");
        run(b, "USE d");
        run(a, "BEGIN");
        run(a, "SELECT COUNT(*) FROM t"); // a's snapshot
        run(b, "UPDATE t SET k = k + 10 WHERE id <= 5"); // committed after a's snapshot
        long before = a.staleRowReruns();
        run(a, "UPDATE t SET k = k + 1 WHERE id BETWEEN 1 AND 6");
        assertEquals(1, a.staleRowReruns() - before, "one rerun for five stale rows");
        run(a, "COMMIT");
        assertEquals(List.of("111", "211", "311", "411", "511", "601"), db.lines("SELECT k FROM t ORDER BY id"));
        a.close();
        b.close();
    }

    @Test
    void aLockingReadOfStaleRowsRerunsOnceAndReadsTheirLatestVersions() {
        Session a = db.engine().openSession(503, "root", "localhost", true);
        Session b = db.engine().openSession(504, "root", "localhost", true);
        run(a, "USE d");
        run(b, "USE d");
        run(a, "BEGIN");
        run(a, "SELECT COUNT(*) FROM t");
        run(b, "UPDATE t SET k = k * 2 WHERE id IN (2, 4, 6)");
        long before = a.staleRowReruns();
        run(a, "SELECT k FROM t WHERE id >= 2 ORDER BY id FOR UPDATE");
        assertEquals(1, a.staleRowReruns() - before, "one rerun for three stale rows");
        run(a, "UPDATE t SET k = k + 1 WHERE id IN (2, 4, 6)");
        run(a, "COMMIT");
        assertEquals(List.of("100", "401", "300", "801", "500", "1201"), db.lines("SELECT k FROM t ORDER BY id"));
        a.close();
        b.close();
    }
}
