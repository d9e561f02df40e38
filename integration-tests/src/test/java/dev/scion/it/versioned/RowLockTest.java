package dev.scion.it.versioned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Row locks through Connector/J (docs/versioned-sql.md, "Transactions"): a second writer of a locked row waits
 * until the first transaction ends and then builds on its committed value; innodb_lock_wait_timeout ends a wait with
 * 1205; a wait-for cycle fails one transaction with 1213 and rolls it back; a write mix on a few hot rows from four
 * threads commits every transaction. Whether a connection is waiting is read from SHOW PROCESSLIST's State, so no
 * test depends on timing.
 */
class RowLockTest {
    @ManagedServer("row-locks") static ScionServerProcess server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void table() throws SQLException {
        server.dropDatabasesIfExternal("locks");
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.update(c, "CREATE DATABASE IF NOT EXISTS locks");
            Sql.update(c, "USE locks");
            Sql.update(c, "DROP TABLE IF EXISTS t");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v INT, c VARCHAR(20), KEY (v))");
            Sql.update(c, "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b')");
        }
    }

    @Test
    void forUpdateWaitsForTheOtherCommitAndReadsItsValue() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Sql.exec(a, "BEGIN");
            assertEquals("10", Sql.rows(a, "SELECT v FROM t WHERE id = 1 FOR UPDATE").get(0).get(0));
            Sql.exec(b, "BEGIN");
            Sql.rows(b, "SELECT COUNT(*) FROM t"); // b's snapshot predates a's commit
            long bId = connectionId(b);
            Future<String> read = pool.submit(() -> Sql.rows(b, "SELECT v FROM t WHERE id = 1 FOR UPDATE")
                    .get(0).get(0));
            awaitLockWait(a, bId);
            assertFalse(read.isDone());
            assertEquals(1, Sql.update(a, "UPDATE t SET v = v + 1 WHERE id = 1"));
            Sql.exec(a, "COMMIT");
            assertEquals("11", read.get());
            // unlike InnoDB, the locked row's latest version becomes part of b's view (docs/versioned-sql.md)
            assertEquals("11", Sql.rows(b, "SELECT v FROM t WHERE id = 1").get(0).get(0));
            assertEquals("20", Sql.rows(b, "SELECT v FROM t WHERE id = 2").get(0).get(0));
            assertEquals(1, Sql.update(b, "UPDATE t SET v = v + 1 WHERE id = 1"));
            Sql.exec(b, "COMMIT");
            assertEquals("12", Sql.rows(a, "SELECT v FROM t WHERE id = 1").get(0).get(0));
            assertEquals(List.of(List.of("1")), Sql.rows(a, "SELECT id FROM t WHERE v = 12"), "index follows");
        }
    }

    @Test
    void lockWaitTimeoutFailsTheStatementOnly() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Sql.exec(a, "BEGIN");
            Sql.update(a, "UPDATE t SET c = 'x' WHERE id = 2");
            Sql.exec(b, "SET innodb_lock_wait_timeout = 1");
            Sql.exec(b, "BEGIN");
            Sql.update(b, "UPDATE t SET c = 'y' WHERE id = 1");
            SQLException e = assertThrows(SQLException.class, () -> Sql.update(b, "DELETE FROM t WHERE id = 2"));
            assertEquals(1205, e.getErrorCode());
            assertTrue(e.getMessage().contains("Lock wait timeout exceeded"), e.getMessage());
            // the transaction stays open with its earlier write, as in InnoDB (innodb_rollback_on_timeout off)
            Sql.exec(b, "COMMIT");
            Sql.exec(a, "COMMIT");
            assertEquals(List.of(List.of("1", "y"), List.of("2", "x")), Sql.rows(a, "SELECT id, c FROM t ORDER BY id"));
        }
    }

    @Test
    void aWaitCycleFailsOneTransactionWithDeadlockAndRollsItBack() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Sql.exec(a, "BEGIN");
            Sql.update(a, "UPDATE t SET v = 100 WHERE id = 1");
            Sql.exec(b, "BEGIN");
            Sql.update(b, "UPDATE t SET v = 200 WHERE id = 2");
            long bId = connectionId(b);
            Future<Integer> bWaits = pool.submit(() -> Sql.update(b, "UPDATE t SET v = 201 WHERE id = 1"));
            awaitLockWait(a, bId);
            SQLException e = assertThrows(SQLException.class, () -> Sql.update(a, "UPDATE t SET v = 101 WHERE id = 2"));
            assertEquals(1213, e.getErrorCode());
            assertEquals(1, bWaits.get()); // a's rollback released row 1
            Sql.exec(b, "COMMIT");
            Sql.exec(a, "COMMIT"); // nothing left to commit: a was rolled back
            assertEquals(List.of(List.of("1", "201"), List.of("2", "200")),
                    Sql.rows(a, "SELECT id, v FROM t ORDER BY id"));
        }
    }

    @Test
    void disconnectReleasesLocks() throws Exception {
        try (Connection b = connect()) {
            try (Connection a = connect()) {
                Sql.exec(a, "BEGIN");
                Sql.rows(a, "SELECT * FROM t WHERE id = 1 FOR UPDATE");
                Sql.exec(b, "SET innodb_lock_wait_timeout = 1");
                assertEquals(1205, assertThrows(SQLException.class,
                        () -> Sql.update(b, "UPDATE t SET v = 0 WHERE id = 1")).getErrorCode());
            }
            // the server notices the closed connection on its own; the lock goes with the rolled-back transaction
            Sql.exec(b, "SET innodb_lock_wait_timeout = 50");
            assertEquals(1, Sql.update(b, "UPDATE t SET v = 0 WHERE id = 1"));
        }
    }

    /**
     * A sysbench oltp_write_only-like mix on 8 hot rows from four threads: each transaction updates an indexed and
     * a non-indexed column and deletes and re-inserts a row (the rows in ascending id order, so no wait cycle can
     * form). Every transaction must commit, and the counters must add up.
     */
    @Test
    void fourThreadWriteMixCommitsEveryTransaction() throws Exception {
        try (Connection c = connect()) {
            Sql.update(c, "DELETE FROM t");
            for (int id = 1; id <= 8; id++) {
                Sql.update(c, "INSERT INTO t VALUES (" + id + ", 0, '')");
            }
        }
        int perThread = 150;
        List<Future<Integer>> done = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            final long seed = thread;
            done.add(pool.submit((Callable<Integer>) () -> writeMix(new Random(seed), perThread)));
        }
        int increments = 0;
        for (Future<Integer> f : done) {
            increments += f.get();
        }
        try (Connection c = connect()) {
            assertEquals(List.of(List.of("8", String.valueOf(increments))),
                    Sql.rows(c, "SELECT COUNT(*), SUM(v) FROM t"));
            for (List<String> row : Sql.rows(c, "SELECT id, v FROM t")) {
                assertTrue(Sql.rows(c, "SELECT id FROM t WHERE v = " + row.get(1)).contains(List.of(row.get(0))),
                        "index entry of row " + row);
            }
        }
    }

    /** Runs {@code n} transactions; returns how many increments of v they committed. */
    private static int writeMix(Random random, int n) throws SQLException {
        int increments = 0;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                TreeSet<Integer> ids = new TreeSet<>();
                while (ids.size() < 3) {
                    ids.add(1 + random.nextInt(8));
                }
                int updIndex = ids.pollFirst();
                int updOther = ids.pollFirst();
                int moved = ids.pollFirst();
                s.execute("BEGIN");
                assertEquals(1, s.executeUpdate("UPDATE t SET v = v + 1 WHERE id = " + updIndex));
                assertEquals(1, s.executeUpdate("UPDATE t SET c = '" + i + "' WHERE id = " + updOther));
                int v;
                try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = " + moved + " FOR UPDATE")) {
                    assertTrue(rs.next());
                    v = rs.getInt(1);
                }
                assertEquals(1, s.executeUpdate("DELETE FROM t WHERE id = " + moved));
                assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (" + moved + ", " + v + ", 'm')"));
                s.execute("COMMIT");
                increments++;
            }
        }
        return increments;
    }

    private static Connection connect() throws SQLException {
        return ConnectorJ.V9.connect(server, "locks", false);
    }

    private static long connectionId(Connection c) throws SQLException {
        return Long.parseLong(Sql.rows(c, "SELECT CONNECTION_ID()").get(0).get(0));
    }

    /** Waits until connection {@code id} is blocked on a row lock, as SHOW PROCESSLIST reports it. */
    private static void awaitLockWait(Connection observer, long id) throws Exception {
        while (true) {
            for (List<String> row : Sql.rows(observer, "SHOW PROCESSLIST")) {
                if (row.get(0).equals(String.valueOf(id)) && "Waiting for row lock".equals(row.get(6))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }
}
