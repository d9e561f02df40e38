package dev.scion.sql.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

import static dev.scion.sql.plan.SysbenchTable.ROWS;
import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merged commits, concurrent writers and row locks: what a COMMIT writes, checks and syncs.
 * Part of the counts regression check (see {@link SysbenchTable}).
 */
class CommitCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    /**
     * Round 13 (docs/performance.md): a COMMIT whose snapshot is stale is merged onto the branch's new root, which
     * builds the changed row's paths again; the paths its statements built on the old snapshot are then reached by
     * nothing, and the commit queue writes only what the new working set reaches. So a merged one-row UPDATE
     * writes what a lone one writes (row path, table, root header, table map), where it wrote its stale paths too.
     * A statement the write fast path declines (BETWEEN) still takes that road.
     */
    @Test
    void aMergedCommitWritesOnlyWhatItsWorkingSetReaches() {
        int depth = db.rowTreeDepth();
        long[] w = mergedOneRowUpdate(3001, "UPDATE sbtest1 SET c = '" + c(6) + "' WHERE id BETWEEN 3002 AND 3002");
        figure("chunks written / not written by a general-path one-row UPDATE merged at COMMIT (row tree depth "
                + depth + ")", w[0] + " / " + w[1]);
        assertEquals(depth + 3, w[0], "the merged row path, the table, the root header and its table map");
        assertEquals(depth + 3, w[1], "the same chunks built on the stale snapshot");
        assertEquals(1, w[2], "one table merged");
        assertEquals(List.of(c(5), c(6)), db.lines("SELECT c FROM sbtest1 WHERE id IN (3001, 3002) ORDER BY id"));
    }

    /**
     * Round 20: a transaction whose only writes are the fast path's deferred one-row writes is replayed onto the
     * branch's new root at COMMIT. It builds no tree of its own and the merge diffs nothing: the commit writes
     * what a lone UPDATE writes and leaves nothing out.
     */
    @Test
    void aMergedCommitOfDeferredRowsBuildsNothingOnItsSnapshot() {
        int depth = db.rowTreeDepth();
        long replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged();
        long[] w = mergedOneRowUpdate(3003, "UPDATE sbtest1 SET c = '" + c(8) + "' WHERE id = 3004");
        replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged() - replayed;
        figure("chunks written / not written / tables merged by a fast-path one-row UPDATE merged at COMMIT (row "
                + "tree depth " + depth + ")", w[0] + " / " + w[1] + " / " + w[2]);
        assertEquals(depth + 3, w[0], "the replayed row path, the table, the root header and its table map");
        assertEquals(0, w[1], "nothing built on the stale snapshot");
        assertEquals(0, w[2], "no table merged (diffed)");
        assertEquals(1, replayed, "replayed onto the table the first commit changed");
        assertEquals(List.of(c(7), c(8)), db.lines("SELECT c FROM sbtest1 WHERE id IN (3003, 3004) ORDER BY id"));
    }

    private static String c(int n) {
        return String.format(Locale.ROOT, "%011d", n) + "-c";
    }

    /**
     * Two transactions from one snapshot: the first updates {@code firstId} by the fast path and commits, then
     * {@code second}'s COMMIT finds the branch moved. Chunks it wrote, chunks its group left out, tables merged.
     */
    private static long[] mergedOneRowUpdate(int firstId, String second) {
        var queue = db.repo().commitQueue("main");
        var store = db.repo().store();
        var first = db.engine().openSession(200, "root", "localhost", true);
        var other = db.engine().openSession(201, "root", "localhost", true);
        try {
            for (var s : List.of(first, other)) {
                db.engine().execute(s, "USE bench", false, r -> { });
                db.engine().execute(s, "BEGIN", false, r -> { });
            }
            db.engine().execute(first, "UPDATE sbtest1 SET c = '" + c(firstId - 2996) + "' WHERE id = " + firstId,
                    false, r -> { });
            db.engine().execute(other, second, false, r -> { });
            db.engine().execute(first, "COMMIT", false, r -> { });
            long chunks = store.chunksCommitted();
            long dropped = queue.chunksDropped();
            long merged = dev.scion.versioning.merge.TableMerger.tablesMerged();
            db.engine().execute(other, "COMMIT", false, r -> { });
            return new long[] {store.chunksCommitted() - chunks, queue.chunksDropped() - dropped,
                    dev.scion.versioning.merge.TableMerger.tablesMerged() - merged};
        } finally {
            first.close();
            other.close();
        }
    }

    /**
     * Round 13: the foreign-key check of a merged COMMIT looks at the tables the merge changed and their children,
     * not at every table of the database (it listed the table map and checked each table: 52 here).
     */
    @Test
    void aMergedCommitChecksTheForeignKeysOfWhatItChangedOnly() {
        db.exec("CREATE DATABASE merge_scale");
        try {
            db.exec("USE merge_scale");
            db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
            db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id))");
            for (int i = 0; i < 50; i++) {
                db.exec("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v INT)");
            }
            db.exec("INSERT INTO p VALUES (1), (2)");
            db.exec("INSERT INTO t7 VALUES (1, 0), (2, 0)");
            // BETWEEN: the general path, whose COMMIT merges (a fast-path write would be replayed, checking none)
            long unrelated = tablesCheckedByMergedCommit("UPDATE t7 SET v = 1 WHERE id = 1",
                    "UPDATE t7 SET v = 2 WHERE id BETWEEN 2 AND 2");
            long parent = tablesCheckedByMergedCommit("INSERT INTO p VALUES (3)", "INSERT INTO p VALUES (4)");
            figure("tables whose foreign keys a merged one-row COMMIT checked, 52 tables: unrelated table / parent",
                    unrelated + " / " + parent);
            assertEquals(1, unrelated, "the changed table (no foreign keys, no children)");
            assertEquals(2, parent, "the changed parent and its child");
            assertEquals(List.of("1|1", "2|2"), db.lines("SELECT id, v FROM t7 ORDER BY id"));
            assertEquals(List.of("1", "2", "3", "4"), db.lines("SELECT id FROM p ORDER BY id"));
        } finally {
            db.exec("USE bench");
            db.exec("DROP DATABASE merge_scale");
        }
    }

    /** Two transactions from one snapshot: {@code first} commits, then {@code second}'s COMMIT is merged. */
    private static long tablesCheckedByMergedCommit(String first, String second) {
        var a = db.engine().openSession(210, "root", "localhost", true);
        var b = db.engine().openSession(211, "root", "localhost", true);
        try {
            for (var s : List.of(a, b)) {
                db.engine().execute(s, "USE merge_scale", false, r -> { });
                db.engine().execute(s, "BEGIN", false, r -> { });
            }
            db.engine().execute(a, first, false, r -> { });
            db.engine().execute(b, second, false, r -> { });
            db.engine().execute(a, "COMMIT", false, r -> { });
            long before = dev.scion.versioning.merge.RootMerger.tablesChecked();
            db.engine().execute(b, "COMMIT", false, r -> { });
            return dev.scion.versioning.merge.RootMerger.tablesChecked() - before;
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void concurrentAutocommitWritersShareSyncs() throws Exception {
        int threads = 4;
        int perThread = 100;
        var store = db.repo().store();
        var queue = db.repo().commitQueue("main");
        List<Long> before = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            before.add(Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = " + (100 + t)).get(0)));
        }
        long syncs = store.walSyncs();
        long groups = store.writeGroupsCommitted();
        long commits = queue.commitsWritten();
        long chunks = store.chunksCommitted();
        long bytes = store.bytesCommitted();
        long dropped = queue.chunksDropped();
        long leaderRebases = queue.leaderRebases();
        long prepared = queue.preparedTaken();
        db.runConcurrently(threads, 100, perThread, t -> "UPDATE sbtest1 SET k = k + 1 WHERE id = " + (100 + t));
        for (int t = 0; t < threads; t++) {
            assertEquals(before.get(t) + perThread,
                    Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = " + (100 + t)).get(0)), "no lost update");
        }
        long synced = store.walSyncs() - syncs;
        long written = store.writeGroupsCommitted() - groups;
        long committed = queue.commitsWritten() - commits;
        figure("log syncs per commit, " + threads + " concurrent autocommit writers on distinct rows",
                String.format(Locale.ROOT, "%.2f (%d syncs, %d group writes, %d commits)", (double) synced / committed,
                        synced, written, committed));
        long chunksWritten = store.chunksCommitted() - chunks;
        figure("chunks written / not written (unreachable) per commit, " + threads + " concurrent writers",
                String.format(Locale.ROOT, "%.2f / %.2f (%d bytes written per commit)",
                        (double) chunksWritten / committed, (double) (queue.chunksDropped() - dropped) / committed,
                        (store.bytesCommitted() - bytes) / committed));
        figure("rebases by the leader / prepared results taken, per commit", String.format(Locale.ROOT,
                "%.2f / %.2f", (double) (queue.leaderRebases() - leaderRebases) / committed,
                (double) (queue.preparedTaken() - prepared) / committed));
        // every statement committed (retries after a first-committer-wins conflict commit again), never more
        // than one sync each; how many share a sync depends on scheduling (WorkingSetCommitQueueTest arranges it)
        assertTrue(committed >= (long) threads * perThread, committed + " commits");
        assertTrue(synced <= committed, synced + " syncs for " + committed + " commits");
    }

    /**
     * Two autocommit writers of one row while the first one's log sync is held: the second gets the row lock,
     * runs and writes its commit before that sync ends (the lock goes once the first commit is in the log, as in
     * InnoDB), builds on the first one's value, and, with two syncs allowed in flight, is acknowledged by a sync of
     * its own that overlaps the held one (and covers the first's record, written before it) while the first writer
     * still waits. Before session 8 the lock was held through the sync, so each writer of a hot row paid a whole
     * sync in turn while holding it; until round 24 the second sync waited for the first to end.
     */
    @Test
    void aRowLockIsReleasedBeforeItsCommitsSync() throws Exception {
        var store = db.repo().store();
        long k = Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = 150").get(0));
        java.util.concurrent.CountDownLatch inSync = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        store.beforeLogSync(() -> {
            if (first.getAndSet(false)) {
                inSync.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        long syncs = store.walSyncs();
        long overlapped = store.walSyncsOverlapped();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = db.engine().openSession(400, "root", "localhost", true);
            var b = db.engine().openSession(401, "root", "localhost", true);
            db.engine().execute(a, "USE bench", false, r -> { });
            db.engine().execute(b, "USE bench", false, r -> { });
            var firstDone = pool.submit(() -> db.engine().execute(a, "UPDATE sbtest1 SET k = k + 1 WHERE id = 150",
                    false, r -> { }));
            inSync.await();
            var secondDone = pool.submit(() -> db.engine().execute(b, "UPDATE sbtest1 SET k = k + 1 WHERE id = 150",
                    false, r -> { }));
            // the second writer locks the row, runs and is acknowledged while the first sync is still held
            secondDone.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(!firstDone.isDone(), "the first writer is acknowledged only after its sync");
            assertEquals(1, store.walSyncsOverlapped() - overlapped, "the second sync overlapped the held one");
            release.countDown();
            firstDone.get();
            secondDone.get();
            a.close();
            b.close();
        } finally {
            release.countDown();
            store.beforeLogSync(() -> { });
            pool.shutdownNow();
        }
        figure("log syncs for two autocommit writers of one row, the second locking it during the first's sync",
                store.walSyncs() - syncs);
        assertEquals(k + 2, Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = 150").get(0)), "no lost update");
        assertEquals(2, store.walSyncs() - syncs);
    }

    @Test
    void concurrentAutoIncrementInsertsNeverCollide() throws Exception {
        int threads = 4;
        int perThread = 50;
        var queue = db.repo().commitQueue("main");
        long rowsBefore = Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0));
        long commits = queue.commitsWritten();
        db.runConcurrently(threads, 300, perThread, t -> "INSERT INTO sbtest1 (k, c, pad) VALUES (1, 'c', 'p')");
        long attempts = queue.commitsWritten() - commits;
        figure("commit attempts per autocommit INSERT with a generated id, " + threads + " concurrent sessions",
                String.format(Locale.ROOT, "%.2f", (double) attempts / (threads * perThread)));
        assertEquals(rowsBefore + threads * perThread,
                Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0)));
        // the branch's sessions share the id counter, so no two inserts take the same id and none is retried
        assertEquals((long) threads * perThread, attempts);
        db.exec("DELETE FROM sbtest1 WHERE id > " + ROWS);
    }
}
