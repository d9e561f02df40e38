package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Crash suite (issue 11): concurrent writers (autocommit notes, explicit transfer transactions, dolt_commit)
 * log every acknowledged commit client-side; the server is killed with SIGKILL at a random moment of the load;
 * {@code scion fsck} must find the data directory clean; after a restart every acknowledged commit is there and
 * nothing unacknowledged is half applied ({@link Ledger#check}). 5 trials in CI, 50 in the long form, all on
 * the same data directory so that recoveries pile up.
 */
class CrashRecoveryTest {
    static final int WRITERS = 4;

    @ManagedServer(value = "crash", managedOnly = "kills the server, so needs a managed one")
    static ScionServerProcess server;

    @Test
    void acknowledgedCommitsSurviveKillNine() throws Exception {
        long seed = ReliabilityForm.seed();
        int trials = ReliabilityForm.trials(5, 50);
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(c, "CREATE DATABASE bank");
            Sql.exec(c, "USE bank");
            Ledger.create(c);
            Sql.exec(c, "CALL dolt_commit('-Am', 'opening balances')");
        }
        Ledger ledger = new Ledger();
        Set<String> ackedCommits = ConcurrentHashMap.newKeySet();
        AtomicInteger[] seqs = new AtomicInteger[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            seqs[w] = new AtomicInteger();
        }
        AtomicLong operations = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        int rows = 0;
        for (int trial = 0; trial < trials; trial++) {
            Random random = new Random(seed * 31 + trial);
            AtomicBoolean killed = new AtomicBoolean();
            AtomicLong acksThisTrial = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Writer writer = new Writer(server, w, seqs[w], new Random(random.nextLong()), ledger, ackedCommits, killed,
                        acksThisTrial, conflicts);
                writers.add(pool.submit(() -> {
                    writer.run();
                    return null;
                }));
            }
            // a random moment: after a random amount of acknowledged work, plus a random pause
            long target = 20 + random.nextInt(250);
            while (acksThisTrial.get() < target && writers.stream().noneMatch(Future::isDone)) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(150));
            killed.set(true);
            server.kill();
            for (Future<?> f : writers) {
                f.get(ItConfig.clientTimeout().toSeconds(), TimeUnit.SECONDS); // rethrows a writer's failure
            }
            pool.shutdown();
            operations.addAndGet(acksThisTrial.get());

            Fsck.Result fsck = Fsck.run(server.dataDir());
            assertTrue(fsck.clean(), "trial " + trial + " (seed " + seed + "): fsck after kill -9:\n" + fsck.output());

            server.startAgain();
            try (Connection c = ConnectorJ.V9.connect(server, "bank", false)) {
                rows = ledger.check(c);
                Set<String> messages = new HashSet<>(Sql.column(c, "SELECT message FROM dolt_log"));
                Set<String> lostCommits = new HashSet<>(ackedCommits);
                lostCommits.removeAll(messages);
                assertEquals(Set.of(), lostCommits, "trial " + trial + " (seed " + seed + "): acknowledged "
                        + "dolt_commits missing from dolt_log");
            } catch (AssertionError e) {
                throw new AssertionError("trial " + trial + " (seed " + seed + "): " + e.getMessage(), e);
            }
        }
        new Figures("crash").put("seed", seed).put("trials", trials).put("kill -9", trials)
                .put("acknowledged operations", operations.get())
                .put("acknowledged ledger rows", ledger.acknowledged.size())
                .put("acknowledged dolt_commits", ackedCommits.size())
                .put("in doubt at a kill", ledger.inDoubt.size()).put("conflicts retried", conflicts.get())
                .put("ledger rows present", rows).put("fsck runs", trials).put("lost", 0).publish();
    }

    /** One connection's load until the server dies. */
    private record Writer(ScionServerProcess server, int id, AtomicInteger seq, Random random, Ledger ledger, Set<String> ackedCommits,
                          AtomicBoolean killed, AtomicLong acks, AtomicLong conflicts) {
        void run() throws SQLException {
            Connection c;
            try {
                c = ConnectorJ.V9.connect(server, "bank", false);
            } catch (SQLException e) {
                if (killed.get()) {
                    return;
                }
                throw e;
            }
            try (c; Statement s = c.createStatement()) {
                while (true) {
                    int choice = random.nextInt(100);
                    Ledger.Entry entry = new Ledger.Entry(id, seq.incrementAndGet());
                    String commitMessage = "crash writer " + id + " op " + entry.seq();
                    Ledger.Row row = null;
                    try {
                        if (choice < 50) {
                            int src = 1 + random.nextInt(Ledger.ACCOUNTS);
                            int dst = 1 + (src + random.nextInt(Ledger.ACCOUNTS - 1)) % Ledger.ACCOUNTS;
                            row = new Ledger.Row(src, dst, 1 + random.nextInt(50));
                            s.execute("BEGIN");
                            s.executeUpdate(Ledger.transferSql(src, dst, row.amount()));
                            s.executeUpdate(Ledger.insertSql(entry, row));
                            ledger.inDoubt.put(entry, row);
                            s.execute("COMMIT");
                        } else if (choice < 90) {
                            row = new Ledger.Row(0, 0, 0);
                            ledger.inDoubt.put(entry, row);
                            s.executeUpdate(Ledger.insertSql(entry, row));
                        } else {
                            s.execute("CALL dolt_commit('-Am', '" + commitMessage + "')");
                            ackedCommits.add(commitMessage);
                            acks.incrementAndGet();
                            continue;
                        }
                        ledger.inDoubt.remove(entry);
                        ledger.acknowledged.put(entry, row);
                        acks.incrementAndGet();
                    } catch (SQLException e) {
                        if (killed.get()) {
                            return; // the in-flight operation stays in doubt
                        }
                        if (row != null) {
                            ledger.inDoubt.remove(entry);
                        }
                        if (!isRetryable(e)) {
                            throw new AssertionError("writer " + id + ": unexpected error before any kill: "
                                    + e.getErrorCode() + " " + e.getMessage(), e);
                        }
                        conflicts.incrementAndGet();
                        s.execute("ROLLBACK");
                    }
                }
            } catch (SQLException e) {
                if (!killed.get()) {
                    throw e;
                }
            }
        }
    }

    /**
     * A transaction that lost to a concurrent commit (1213, rolled back whole), or a dolt_commit told to retry
     * or finding nothing to commit because another writer's commit took the changes.
     */
    static boolean isRetryable(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return e.getErrorCode() == 1213 || m.contains("retry") || m.contains("nothing to commit");
    }
}
