package dev.scion.it.versioned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 7 (transactions): eight JDBC connections each run {@code UPDATE t SET v = v + 1 WHERE id = 1} 1,000 times in
 * autocommit on one branch. Each statement reads its own snapshot, so the commit must merge with what the others
 * committed meanwhile (or retry): v must end exactly 8,000 higher, with no lost update.
 */
class NoLostUpdateTest {
    static final int CLIENTS = 8;
    static final int UPDATES = 1_000;
    @ManagedServer("no-lost-update") static ScionServerProcess server;

    @Test
    void concurrentIncrementsAreAllKept() throws Exception {
        server.dropDatabasesIfExternal("counter");
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.update(c, "CREATE DATABASE counter");
            Sql.update(c, "USE counter");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            Sql.update(c, "INSERT INTO t VALUES (1, 100), (2, 0)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                done.add(pool.submit(() -> increment()));
            }
            int retries = 0;
            for (Future<Integer> f : done) {
                retries += f.get();
            }
            try (Connection c = ConnectorJ.V9.connect(server, "counter", false);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
                rs.next();
                assertEquals(100 + CLIENTS * UPDATES, rs.getInt(1), "retried statements: " + retries);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the updates; a statement refused as a deadlock (error 1213) did not apply and is run again. */
    private static int increment() throws SQLException {
        int retries = 0;
        try (Connection c = ConnectorJ.V9.connect(server, "counter", false); Statement s = c.createStatement()) {
            for (int i = 0; i < UPDATES; i++) {
                while (true) {
                    try {
                        assertEquals(1, s.executeUpdate("UPDATE t SET v = v + 1 WHERE id = 1"));
                        break;
                    } catch (SQLException e) {
                        if (e.getErrorCode() != 1213) {
                            throw e;
                        }
                        retries++;
                    }
                }
            }
        }
        return retries;
    }
}
