package dev.scion.sql.session;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four sessions commit transactions of deferred one-row writes to three tables at once, on hot rows: every COMMIT
 * is placed by replay, built before the queue or in it, onto a branch the others keep moving. No write is lost or
 * doubled, a transaction lands whole or not at all, and every index agrees with its rows.
 */
class DeferredRowsConcurrencyTest {
    private static final int SESSIONS = 4;
    private static final int TRANSACTIONS = 60;
    private static final int ROWS = 5;

    @TempDir
    Path dir;

    @Test
    void concurrentTransactionsOfSeveralTablesLandWhole() throws Exception {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE a (id INT PRIMARY KEY, v INT NOT NULL, KEY kv (v))");
            db.exec("CREATE TABLE b (id INT PRIMARY KEY, v INT NOT NULL, KEY kv (v))");
            db.exec("CREATE TABLE c (id INT PRIMARY KEY, w INT NOT NULL, UNIQUE KEY uw (w))");
            for (int i = 1; i <= ROWS; i++) {
                db.exec("INSERT INTO a VALUES (" + i + ", 0)");
                db.exec("INSERT INTO b VALUES (" + i + ", 0)");
            }
            AtomicInteger committed = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < SESSIONS; t++) {
                int me = t;
                threads.add(new Thread(() -> {
                    Session s = db.engine().openSession(100 + me, "root", "localhost", true);
                    try {
                        db.engine().execute(s, "USE d", false, r -> { });
                        for (int n = 0; n < TRANSACTIONS; n++) {
                            int id = me * TRANSACTIONS + n + 1;
                            String[] tx = {"BEGIN", "UPDATE a SET v = v + 1 WHERE id = " + (n % ROWS + 1),
                                    "INSERT INTO c VALUES (" + id + ", " + id + ")",
                                    "UPDATE b SET v = v + 1 WHERE id = " + ((n + me) % ROWS + 1), "COMMIT"};
                            while (!run(db, s, tx)) {
                                Thread.onSpinWait(); // 1213: the transaction failed whole; run it again
                            }
                            committed.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        s.close();
                    }
                }));
            }
            long used = DeferredRowsRebase.prebuiltUsed();
            long unused = DeferredRowsRebase.prebuiltUnused();
            long replayed = DeferredRowsRebase.replayed();
            long merged = dev.scion.versioning.merge.TableMerger.tablesMerged();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertNull(failure.get());
            int n = committed.get();
            assertEquals(SESSIONS * TRANSACTIONS, n);
            assertEquals(List.of(String.valueOf(n)), db.lines("SELECT SUM(v) FROM a"));
            assertEquals(List.of(String.valueOf(n)), db.lines("SELECT SUM(v) FROM b"));
            assertEquals(List.of(n + "|" + n), db.lines("SELECT COUNT(*), COUNT(DISTINCT w) FROM c"));
            // every index entry matches its row: looked up through the index, each row is found by its own value
            for (String table : List.of("a", "b")) {
                for (String line : db.lines("SELECT id, v FROM " + table)) {
                    String[] f = line.split("\\|");
                    assertTrue(db.lines("SELECT id FROM " + table + " WHERE v = " + f[1]).contains(f[0]),
                            table + " row " + line + " not found through its index");
                }
            }
            assertEquals(List.of(String.valueOf(n)), db.lines("SELECT COUNT(*) FROM c WHERE w > 0"));
            System.out.println("FIGURE " + n + " transactions of three tables from " + SESSIONS + " sessions: tables "
                    + "built before the queue and installed / built there but replayed in the queue / commits "
                    + "replayed onto a moved branch / tables merged = " + (DeferredRowsRebase.prebuiltUsed() - used)
                    + " / " + (DeferredRowsRebase.prebuiltUnused() - unused) + " / "
                    + (DeferredRowsRebase.replayed() - replayed) + " / "
                    + (dev.scion.versioning.merge.TableMerger.tablesMerged() - merged));
            assertTrue(DeferredRowsRebase.prebuiltUsed() > used, "tables were built before the queue");
        }
    }

    /** Runs the statements; false when one failed with 1213 (the transaction was rolled back). */
    private static boolean run(EngineFixture db, Session s, String[] statements) {
        try {
            for (String sql : statements) {
                db.engine().execute(s, sql, false, r -> { });
            }
            return true;
        } catch (SqlError e) {
            if (e.errorCode().code() != 1213) {
                throw e;
            }
            db.engine().execute(s, "ROLLBACK", false, r -> { });
            return false;
        }
    }
}
