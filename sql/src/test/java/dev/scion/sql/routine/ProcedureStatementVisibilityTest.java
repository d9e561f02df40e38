package dev.scion.sql.routine;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under autocommit a procedure's first statement is committed before its second runs: while the CALL waits for a
 * row lock another session holds, a third session already reads the first statement's row. The wait makes the
 * order certain; the poll's time limit only bounds a failing run.
 */
class ProcedureStatementVisibilityTest {
    @TempDir
    Path dir;

    @Test
    void anotherSessionSeesTheFirstStatementWhileTheCallWaits() throws Exception {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE t (pk INT PRIMARY KEY, v INT)");
            db.exec("INSERT INTO t VALUES (2, 0)");
            db.exec("CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES (1, 0); UPDATE t SET v = 1 WHERE pk = 2; END");
            Session holder = db.engine().openSession(2, "root", "localhost", true);
            Session caller = db.engine().openSession(3, "root", "localhost", true);
            try {
                run(db, holder, "USE d");
                run(db, holder, "START TRANSACTION");
                run(db, holder, "UPDATE t SET v = 5 WHERE pk = 2");
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread call = new Thread(() -> {
                    try {
                        run(db, caller, "USE d");
                        run(db, caller, "SET innodb_lock_wait_timeout = 120");
                        run(db, caller, "CALL p()");
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                call.start();
                boolean seen = false;
                long giveUp = System.nanoTime() + 60_000_000_000L;
                while (!seen && System.nanoTime() < giveUp && call.isAlive()) {
                    seen = db.lines("SELECT COUNT(*) FROM t WHERE pk = 1").equals(List.of("1"));
                    if (!seen) {
                        Thread.sleep(20);
                    }
                }
                // the holder has not let go of row 2, so the CALL is still in its second statement
                assertTrue(call.isAlive(), "the CALL ended before its second statement could run");
                assertTrue(seen, "the first statement's row was not visible while the CALL was running");
                run(db, holder, "ROLLBACK");
                call.join();
                assertNull(failure.get());
                assertEquals(List.of("1|0", "2|1"), db.lines("SELECT pk, v FROM t ORDER BY pk"));
            } finally {
                holder.close();
                caller.close();
            }
        }
    }

    private static void run(EngineFixture db, Session s, String sql) {
        db.engine().execute(s, sql, false, r -> { });
    }
}
