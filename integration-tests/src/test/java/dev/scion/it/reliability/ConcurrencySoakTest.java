package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Concurrency soak (issue 11): 16 connections for a bounded time mix transfer transactions and autocommit
 * increments on the same rows of one branch, branch creation, switching and merging back, dolt_commit and
 * online garbage collection. Every wait is bounded (a hang dumps the server's and the clients' threads and
 * fails); at the end no update is lost (each counter equals its acknowledged increments, the ledger explains
 * every balance, merged branches' rows are on main, acknowledged commits are in the log) and {@code scion fsck}
 * is clean. About a minute in CI, ten in the long form.
 */
class ConcurrencySoakTest {
    static final int CONNECTIONS = 16;
    static final int COUNTERS = 4;

    @ManagedServer(value = "soak", managedOnly = "checks the data directory with fsck, so needs a managed server")
    static ScionServerProcess server;

    /** What every connection counts. */
    static final class Tally {
        final Ledger ledger = new Ledger();
        final AtomicLongArray increments = new AtomicLongArray(COUNTERS + 1);
        /** Notes rows each connection merged into its own integration branch. */
        final Set<List<Integer>> mergedNotes = ConcurrentHashMap.newKeySet();
        /** Notes rows that reached main through a merge of an integration branch. */
        final Set<List<Integer>> notesOnMain = ConcurrentHashMap.newKeySet();
        final Set<String> commits = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicLong> ops = new ConcurrentHashMap<>();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        /** A dolt_gc is in flight from one of the connections (see the dolt_gc branch of Client.run). */
        final java.util.concurrent.atomic.AtomicBoolean collecting = new java.util.concurrent.atomic.AtomicBoolean();

        void count(String op) {
            ops.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
        }
    }

    @Test
    void sixteenConnectionsLoseNothing() throws Exception {
        long seed = ReliabilityForm.seed();
        Duration duration = ReliabilityForm.duration(25, 600);
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(c, "CREATE DATABASE soak");
            Sql.exec(c, "USE soak");
            Ledger.create(c);
            Sql.exec(c, "CREATE TABLE counters (id INT PRIMARY KEY, v BIGINT NOT NULL)");
            Sql.exec(c, "INSERT INTO counters VALUES (1, 0), (2, 0), (3, 0), (4, 0)");
            Sql.exec(c, "CREATE TABLE notes (conn INT, n INT, PRIMARY KEY (conn, n))");
            Sql.exec(c, "CALL dolt_commit('-Am', 'soak schema')");
        }
        Tally tally = new Tally();
        long deadline = System.nanoTime() + duration.toNanos();
        Random seeds = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Client client = new Client(server, i, new Random(seeds.nextLong()), tally, deadline);
            clients.add(pool.submit(() -> {
                client.run();
                return null;
            }));
        }
        // bounded: the load's own length plus the client timeout for the last statement of each connection
        long bound = duration.toSeconds() + ItConfig.clientTimeout().toSeconds() + 60;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(bound);
        for (Future<?> f : clients) {
            try {
                f.get(Math.max(1, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                String dump = ServerThreadDump.of(server.dataDir());
                pool.shutdownNow();
                throw new AssertionError("seed " + seed + ": a connection is still busy " + bound
                        + " s after the load began: deadlock?\n---- server threads ----\n" + dump
                        + "\n---- client threads ----\n" + ServerThreadDump.clients());
            } catch (java.util.concurrent.ExecutionException e) {
                pool.shutdownNow();
                throw new AssertionError("seed " + seed + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        pool.shutdown();

        int ledgerRows;
        try (Connection c = ConnectorJ.V9.connect(server, "soak", false)) {
            ledgerRows = check(c, tally, seed);
            server.restart();
        }
        try (Connection c = ConnectorJ.V9.connect(server, "soak", false)) {
            check(c, tally, seed);
        }
        server.stop();
        Fsck.Result fsck = Fsck.run(server.dataDir());
        assertTrue(fsck.clean(), "seed " + seed + ": fsck after the soak:\n" + fsck.output());

        Figures f = new Figures("soak").put("seed", seed).put("connections", CONNECTIONS)
                .put("seconds", duration.toSeconds());
        long total = 0;
        for (Map.Entry<String, AtomicLong> e : new java.util.TreeMap<>(tally.ops).entrySet()) {
            f.put(e.getKey(), e.getValue().get());
            total += e.getValue().get();
        }
        f.put("acknowledged operations", total).put("conflicts retried", tally.retried.get())
                .put("refused as designed", tally.refused.get()).put("ledger rows", ledgerRows)
                .put("deadlocks", 0).put("lost", 0).publish();
    }

    private static Set<List<Integer>> notes(Connection c) throws SQLException {
        Set<List<Integer>> notes = new HashSet<>();
        for (List<String> r : Sql.rows(c, "SELECT conn, n FROM notes")) {
            notes.add(List.of(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1))));
        }
        return notes;
    }

    private int check(Connection c, Tally tally, long seed) throws SQLException {
        try {
            int rows = tally.ledger.check(c);
            for (int k = 1; k <= COUNTERS; k++) {
                assertEquals(String.valueOf(tally.increments.get(k)),
                        Sql.scalar(c, "SELECT v FROM counters WHERE id = " + k), "counter " + k + " lost updates");
            }
            Set<List<Integer>> missing = new HashSet<>(tally.notesOnMain);
            missing.removeAll(notes(c));
            assertEquals(Set.of(), missing, "rows merged into main that are missing there");
            Set<String> log = new HashSet<>(Sql.column(c, "SELECT message FROM dolt_log"));
            Set<String> lost = new HashSet<>(tally.commits);
            lost.removeAll(log);
            assertEquals(Set.of(), lost, "acknowledged dolt_commits missing from main's log");
            for (int id = 0; id < CONNECTIONS; id++) {
                try (Connection home = ConnectorJ.V9.connect(server, "soak/int_" + id, false)) {
                    Set<List<Integer>> merged = new HashSet<>();
                    for (List<Integer> n : tally.mergedNotes) {
                        if (n.get(0) == id) {
                            merged.add(n);
                        }
                    }
                    merged.removeAll(notes(home));
                    assertEquals(Set.of(), merged, "rows merged into int_" + id + " that are missing there");
                }
            }
            return rows;
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    /** One connection's random mix of operations until the deadline. */
    /** Makes every peek branch name unique across the run. */
    private static final java.util.concurrent.atomic.AtomicLong PEEKS = new java.util.concurrent.atomic.AtomicLong();

    private record Client(ScionServerProcess server, int id, Random random, Tally tally, long deadline) {
        void run() throws SQLException {
            try (Connection c = ConnectorJ.V9.connect(server, "soak", false); Statement s = c.createStatement()) {
                s.execute("CALL dolt_branch('int_" + id + "')");
                int seq = 0;
                int branches = 0;
                while (System.nanoTime() < deadline) {
                    int choice = random.nextInt(1000);
                    String op = null;
                    try {
                        if (choice < 350) {
                            op = "transfer";
                            transfer(s, new Ledger.Entry(id, ++seq));
                        } else if (choice < 600) {
                            op = "increment";
                            int k = 1 + random.nextInt(COUNTERS);
                            assertEquals(1, s.executeUpdate("UPDATE counters SET v = v + 1 WHERE id = " + k));
                            tally.increments.incrementAndGet(k);
                        } else if (choice < 700) {
                            op = "note";
                            Ledger.Entry e = new Ledger.Entry(id, ++seq);
                            Ledger.Row r = new Ledger.Row(0, 0, 0);
                            s.executeUpdate(Ledger.insertSql(e, r));
                            tally.ledger.acknowledged.put(e, r);
                        } else if (choice < 800) {
                            op = "branch+merge";
                            branchWork(s, ++branches);
                        } else if (choice < 830) {
                            op = "merge into main";
                            if (!mergeIntoMain(s)) {
                                op = null;
                            }
                        } else if (choice < 900) {
                            op = "branch switch";
                            switchAndRead(s);
                        } else if (choice < 990) {
                            op = "dolt_commit";
                            String message = "soak conn " + id + " commit " + (++seq);
                            s.execute("CALL dolt_commit('-Am', '" + message + "')");
                            tally.commits.add(message);
                        } else if (tally.collecting.compareAndSet(false, true)) {
                            // One collection at a time from the soak: collections run one after another in the
                            // server, and each takes 10-30 s on the loaded 2-core machine once the store has grown,
                            // so with sixteen callers they queued past the statement bound (60 s) in the long form
                            // without anything being stuck. A collection still runs beside fifteen writers.
                            op = "dolt_gc";
                            try (ResultSet rs = s.executeQuery("CALL dolt_gc()")) {
                                assertTrue(rs.next());
                                assertEquals(0, rs.getInt(1), "dolt_gc status");
                            } finally {
                                tally.collecting.set(false);
                            }
                            assertEquals(List.of(), Sql.rows(c, "SHOW WARNINGS"), "dolt_gc warnings");
                        }
                        if (op != null) {
                            tally.count(op);
                        }
                    } catch (SQLException e) {
                        if (!CrashRecoveryTest.isRetryable(e)) {
                            // a statement that outlived the driver's socket timeout is a hang: show where
                            String hang = String.valueOf(e.getMessage()).contains("timed out")
                                    ? "\n---- server threads ----\n" + ServerThreadDump.of(server.dataDir()) : "";
                            throw new AssertionError("connection " + id + ", " + op + ": error " + e.getErrorCode()
                                    + " " + e.getMessage() + hang, e);
                        }
                        tally.retried.incrementAndGet();
                        s.execute("ROLLBACK");
                        s.execute("CALL dolt_checkout('main')");
                    }
                }
            }
        }

        private void transfer(Statement s, Ledger.Entry entry) throws SQLException {
            int src = 1 + random.nextInt(Ledger.ACCOUNTS);
            int dst = 1 + (src + random.nextInt(Ledger.ACCOUNTS - 1)) % Ledger.ACCOUNTS;
            Ledger.Row row = new Ledger.Row(src, dst, 1 + random.nextInt(50));
            s.execute("BEGIN");
            s.executeUpdate(Ledger.transferSql(src, dst, row.amount()));
            s.executeUpdate(Ledger.insertSql(entry, row));
            s.execute("COMMIT");
            tally.ledger.acknowledged.put(entry, row);
        }

        /**
         * On this connection's own integration branch: creates a branch, switches to it, commits a row there,
         * switches back and merges it; then returns to main.
         */
        private void branchWork(Statement s, int n) throws SQLException {
            String home = "int_" + id;
            String branch = "c" + id + "_" + n;
            s.execute("CALL dolt_checkout('" + home + "')");
            try {
                s.execute("CALL dolt_branch('" + branch + "')");
                s.execute("CALL dolt_checkout('" + branch + "')");
                s.executeUpdate("INSERT INTO notes VALUES (" + id + ", " + n + ")");
                s.execute("CALL dolt_commit('-am', 'note " + branch + "')");
                s.execute("CALL dolt_checkout('" + home + "')");
                try (ResultSet rs = s.executeQuery("CALL dolt_merge('" + branch + "')")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getLong("conflicts"), "merging " + branch + " (only its own row) conflicted");
                }
                tally.mergedNotes.add(List.of(id, n));
                if (random.nextBoolean()) {
                    s.execute("CALL dolt_branch('-d', '" + branch + "')");
                }
            } finally {
                s.execute("CALL dolt_checkout('main')");
            }
        }

        /**
         * Merges this connection's integration branch into main; true if it merged. While other connections have
         * uncommitted work on main in a table the merge changes, it is refused (counted).
         */
        private boolean mergeIntoMain(Statement s) throws SQLException {
            Set<List<Integer>> mine = new HashSet<>();
            for (List<Integer> note : tally.mergedNotes) {
                if (note.get(0) == id) {
                    mine.add(note);
                }
            }
            try (ResultSet rs = s.executeQuery("CALL dolt_merge('int_" + id + "')")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong("conflicts"), "merging int_" + id + " into main conflicted");
            } catch (SQLException e) {
                // refused when another connection's uncommitted (not dolt-committed) work on main is in a table
                // the merge changes; work in other tables no longer blocks it
                if (String.valueOf(e.getMessage()).contains("local changes would be stomped by merge")) {
                    tally.refused.incrementAndGet();
                    return false;
                }
                throw e;
            }
            tally.notesOnMain.addAll(mine);
            return true;
        }

        /** Reads another branch through a revision database and by switching, then returns to main. */
        private void switchAndRead(Statement s) throws SQLException {
            // a counter, not a random number: two peeks of one connection drew the same name (1105 "already exists")
            s.execute("CALL dolt_checkout('-b', 'peek_" + id + "_" + PEEKS.incrementAndGet() + "')");
            try (ResultSet rs = s.executeQuery("SELECT sum(balance) FROM accounts")) {
                assertTrue(rs.next());
                assertEquals(Ledger.ACCOUNTS * Ledger.OPENING_BALANCE, rs.getLong(1), "sum on a fresh branch");
            } finally {
                s.execute("CALL dolt_checkout('main')");
            }
        }
    }
}
