package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: commits are made durable by the store's own redo log (overwritten in place) instead of RocksDB's
 * write-ahead log. Several connections insert rows in autocommit, each acknowledged by the server's OK; the
 * server is killed with SIGKILL while inserts are in flight, three times on the same data directory. After each
 * restart every acknowledged row must be there, with its payload, and every row there must have been
 * acknowledged or in flight.
 */
class RedoLogKillTest {
    @ManagedServer(value = "redolog-kill", managedOnly = "kill -9 needs a managed server (not -Dscion.it.server)")
    static ScionServerProcess server;

    private static final int WRITERS = 4;
    private static final int TRIALS = 3;
    /** Acknowledged inserts per trial before the kill. */
    private static final int ACKS_BEFORE_KILL = 400;

    private static Connection connect(String db) throws SQLException {
        return ConnectorJ.V9.connect(server, db, false);
    }

    private static String payload(int id) {
        return ("row " + id + " ").repeat(40);
    }

    @Test
    void everyAcknowledgedInsertSurvivesKillDashNine() throws Exception {
        try (Connection c = connect(null)) {
            Sql.update(c, "CREATE DATABASE clk");
            Sql.update(c, "USE clk");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, writer INT, v TEXT, KEY by_writer (writer))");
        }
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Integer> inDoubt = ConcurrentHashMap.newKeySet();
        AtomicInteger nextId = new AtomicInteger();
        for (int trial = 0; trial < TRIALS; trial++) {
            int target = acknowledged.size() + ACKS_BEFORE_KILL;
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread t = new Thread(() -> insertUntilKilled(writer, nextId, acknowledged, inDoubt),
                        "clk-writer-" + w);
                t.start();
                writers.add(t);
            }
            while (acknowledged.size() < target && writers.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(5);
            }
            assertTrue(acknowledged.size() >= target, "the writers stopped before the kill: see " + server.logFile());
            server.kill();
            for (Thread t : writers) {
                t.join(60_000);
            }
            server.startAgain();
            try (Connection c = connect("clk")) {
                Set<Integer> present = new HashSet<>();
                for (List<String> row : Sql.rows(c, "SELECT id, v FROM t")) {
                    int id = Integer.parseInt(row.get(0));
                    assertEquals(payload(id), row.get(1), "payload of row " + id);
                    present.add(id);
                }
                for (int id : acknowledged) {
                    assertTrue(present.contains(id), "trial " + trial + ": acknowledged row " + id + " lost");
                }
                for (int id : present) {
                    assertTrue(acknowledged.contains(id) || inDoubt.contains(id),
                            "trial " + trial + ": row " + id + " was never inserted");
                }
                assertEquals(String.valueOf(present.size()),
                        Sql.scalar(c, "SELECT COUNT(*) FROM t FORCE INDEX (by_writer) WHERE writer >= 0"),
                        "the secondary index agrees with the table");
                // rows that made it count as acknowledged from now on; the others are gone for good
                acknowledged.addAll(present);
                inDoubt.clear();
            }
        }
        new Figures("redo-log kill -9").put("trials", TRIALS).put("acknowledged", acknowledged.size())
                .put("lost", 0).publish();
    }

    /** Inserts rows until the connection fails (the kill); an insert in flight then is in doubt. */
    private static void insertUntilKilled(int writer, AtomicInteger nextId, Set<Integer> acknowledged,
            Set<Integer> inDoubt) {
        try (Connection c = connect("clk")) {
            while (true) {
                int id = nextId.getAndIncrement();
                inDoubt.add(id);
                Sql.update(c, "INSERT INTO t VALUES (" + id + ", " + writer + ", '" + payload(id) + "')");
                acknowledged.add(id);
                inDoubt.remove(id);
            }
        } catch (SQLException | RuntimeException e) {
            // the server was killed under this connection
        }
    }
}
