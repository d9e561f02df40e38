package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingSetCommitQueueTest {
    private static final Signature WHO = new Signature("t", "t@example.com", 0);

    @TempDir
    Path dir;
    private Repository repo;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        repo = Repository.init(dir.resolve("db"), WHO, "main", StoreOptions.defaults());
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        repo.close();
    }

    /** A transaction whose "root" is one chunk of its own; its rebase records the root it was placed onto. */
    private final class Txn {
        final ChunkBuffer buffer = repo.newBuffer();
        final byte[] bytes;
        final Hash root;
        volatile Hash placedOnto;
        final java.util.concurrent.atomic.AtomicInteger rebases = new java.util.concurrent.atomic.AtomicInteger();

        Txn(String text) {
            // a root value of one table named after the transaction (the table chunk itself need not exist): the
            // queue writes what the installed working set reaches, so the root has to be one it can walk
            bytes = RootValue.encodeFormatOne(new java.util.TreeMap<>(java.util.Map.of(text,
                    Hash.of(text.getBytes(StandardCharsets.UTF_8)))));
            root = buffer.put(bytes);
        }

        WorkingSetCommitQueue.Rebase rebase() {
            return (current, chunks) -> {
                placedOnto = current.working();
                rebases.incrementAndGet();
                // the chunks of the group before us and our own are readable here, as a merge needs
                assertArrayEquals(bytes, chunks.get(root));
                return current.withWorking(root);
            };
        }
    }

    @Test
    void waitingTransactionsShareOneSyncedWriteAndChainInOrder() throws Exception {
        WorkingSetCommitQueue queue = repo.commitQueue("main");
        Hash initial = repo.workingSet("main").working();
        long syncsBefore = repo.store().writeGroupsCommitted();
        CountDownLatch inLeader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Txn first = new Txn("first");
        Future<?> leader = pool.submit(() -> queue.commit(first.buffer, (current, chunks) -> {
            inLeader.countDown();
            await(release);
            return first.rebase().onto(current, chunks);
        }));
        inLeader.await();
        List<Txn> followers = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Txn t = new Txn("follower " + i);
            followers.add(t);
            done.add(pool.submit(() -> queue.commit(t.buffer, t.rebase())));
        }
        while (queue.queued() < 3) {
            Thread.onSpinWait();
        }
        release.countDown();
        leader.get();
        for (Future<?> f : done) {
            f.get();
        }

        assertEquals(2, queue.groupsWritten(), "the leader alone, then the three that waited together");
        assertEquals(4, queue.commitsWritten());
        assertEquals(2, repo.store().writeGroupsCommitted() - syncsBefore);
        assertEquals(initial, first.placedOnto);
        // each follower was placed onto the root of the one before it in the group; the last one is installed
        List<Hash> seen = new ArrayList<>();
        for (Txn t : followers) {
            seen.add(t.placedOnto);
        }
        assertTrue(seen.contains(first.root), "one follower was rebased onto the leader's root");
        Hash installed = repo.workingSet("main").working();
        Hash chainEnd = first.root;
        for (int i = 0; i < followers.size(); i++) {
            Hash next = chainEnd;
            chainEnd = followers.stream().filter(t -> t.placedOnto.equals(next)).findFirst().orElseThrow().root;
        }
        assertEquals(chainEnd, installed);
        for (Txn t : followers) {
            if (t.root.equals(installed)) {
                assertArrayEquals(t.bytes, repo.store().get(t.root), "the installed root is written durably");
            } else {
                // a root between the group's transactions is reached by nothing: it is not written at all
                assertEquals(null, repo.store().get(t.root), "an intermediate root of the group is not written");
            }
            assertEquals(0, t.buffer.size(), "buffer cleared after commit");
        }
        assertEquals(2, queue.chunksDropped(), "the two roots between the group's three transactions");
    }

    @Test
    void aFailedRebaseFailsOnlyItsTransaction() throws Exception {
        WorkingSetCommitQueue queue = repo.commitQueue("main");
        CountDownLatch inLeader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Txn first = new Txn("first");
        Future<?> leader = pool.submit(() -> queue.commit(first.buffer, (current, chunks) -> {
            inLeader.countDown();
            await(release);
            return first.rebase().onto(current, chunks);
        }));
        inLeader.await();
        Txn bad = new Txn("conflicting");
        IllegalStateException conflict = new IllegalStateException("write conflict");
        Future<?> failing = pool.submit(() -> queue.commit(bad.buffer, (current, chunks) -> {
            throw conflict;
        }));
        while (queue.queued() < 1) {
            Thread.onSpinWait();
        }
        Txn good = new Txn("good");
        Future<?> succeeding = pool.submit(() -> queue.commit(good.buffer, good.rebase()));
        while (queue.queued() < 2) {
            Thread.onSpinWait();
        }
        release.countDown();
        leader.get();
        var e = assertThrows(java.util.concurrent.ExecutionException.class, failing::get);
        assertSame(conflict, e.getCause());
        succeeding.get();
        assertEquals(good.root, repo.workingSet("main").working());
        assertEquals(first.root, good.placedOnto);
        assertEquals(null, repo.store().get(bad.root), "a failed transaction's chunks are not written");
    }

    @Test
    void aWriterOutsideTheQueueMakesTheGroupRebaseOntoItsChange() {
        WorkingSetCommitQueue queue = repo.commitQueue("main");
        Txn outside = new Txn("outside");
        Txn t = new Txn("queued");
        var before = repo.workingSet("main");
        boolean[] movedOnce = {false};
        queue.commit(t.buffer, (current, chunks) -> {
            if (!movedOnce[0]) {
                movedOnce[0] = true;
                // another writer (say a dolt procedure) installs its working root between our rebase and our write
                repo.updateWorkingSet("main", before, before.withWorking(outside.root), outside.buffer);
            }
            return t.rebase().onto(current, chunks);
        });
        assertEquals(outside.root, t.placedOnto, "rebased again onto the outside writer's root");
        assertEquals(t.root, repo.workingSet("main").working());
    }

    @Test
    void aTransactionArrivingDuringTheSyncIsRebasedByItsOwnThreadAndTakenAsPrepared() throws Exception {
        CountDownLatch inSync = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        WorkingSetCommitQueue queue = new WorkingSetCommitQueue(repo, "main", () -> {
            if (first.getAndSet(false)) {
                inSync.countDown();
                await(release);
            }
        });
        Txn leading = new Txn("leading");
        Future<?> leader = pool.submit(() -> queue.commit(leading.buffer, leading.rebase()));
        inSync.await();
        // the group of "leading" is rebased and waits for its sync: the next one prepares against what it leaves
        Txn next = new Txn("next");
        Future<?> nextDone = pool.submit(() -> queue.commit(next.buffer, next.rebase()));
        while (queue.queued() < 1) {
            Thread.onSpinWait();
        }
        assertEquals(1, next.rebases.get(), "rebased by its own thread before queueing");
        assertEquals(leading.root, next.placedOnto);
        // one arriving behind a waiting transaction is not prepared: it will not be first in its group
        Txn later = new Txn("later");
        Future<?> laterDone = pool.submit(() -> queue.commit(later.buffer, later.rebase()));
        while (queue.queued() < 2) {
            Thread.onSpinWait();
        }
        assertEquals(0, later.rebases.get());
        release.countDown();
        leader.get();
        nextDone.get();
        laterDone.get();

        assertEquals(1, next.rebases.get(), "the prepared result was installed as it was");
        assertEquals(1, later.rebases.get());
        assertEquals(next.root, later.placedOnto);
        assertEquals(1, queue.preparedTaken());
        assertEquals(2, queue.leaderRebases(), "the leading transaction and the later one");
        assertEquals(later.root, repo.workingSet("main").working());
        assertArrayEquals(later.bytes, repo.store().get(later.root), "the group's installed root is written");
        // "next" was installed as prepared, then "later" was placed on it in the same group: no working set
        // reaches next's root any more, so it is not written
        assertEquals(null, repo.store().get(next.root));
    }

    /**
     * The leader holds the queue only until its group is in the log, not through the sync: transactions that arrive
     * while a sync runs are placed and written meanwhile (their row locks could go), and one later sync covers them
     * all. Before, they waited for the leader's sync, then paid one of their own. With one sync in flight: with two
     * (the default), the first of them starts a sync beside the held one instead (GroupCommitTest).
     */
    @Test
    void theNextGroupIsWrittenWhileASyncRunsAndOneSyncCoversIt() throws Exception {
        repo.close();
        repo = Repository.init(dir.resolve("one-sync"), WHO, "main", StoreOptions.defaults().withSyncsInFlight(1));
        WorkingSetCommitQueue queue = repo.commitQueue("main");
        var store = repo.store();
        CountDownLatch inSync = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean firstSync = new java.util.concurrent.atomic.AtomicBoolean(true);
        store.beforeLogSync(() -> {
            if (firstSync.getAndSet(false)) {
                inSync.countDown();
                await(release);
            }
        });
        long syncsBefore = store.walSyncs();
        Txn leading = new Txn("leading");
        Future<?> leader = pool.submit(() -> queue.commit(leading.buffer, leading.rebase()));
        inSync.await();
        // "leading" is in the log and its sync is held: the queue is free for the next transactions
        List<Txn> next = List.of(new Txn("second"), new Txn("third"));
        CountDownLatch ordered = new CountDownLatch(next.size());
        List<Future<?>> done = new ArrayList<>();
        for (Txn t : next) {
            done.add(pool.submit(() -> queue.commit(t.buffer, t.rebase(), ordered::countDown)));
        }
        while (store.waitingForSync() < next.size()) {
            Thread.onSpinWait();
        }
        assertEquals(0, ordered.getCount(), "both were placed (their locks could go) before the first sync ended");
        assertEquals(3, queue.commitsWritten());
        assertTrue(!leader.isDone(), "the leading transaction is not acknowledged before its sync");
        release.countDown();
        leader.get();
        for (Future<?> f : done) {
            f.get();
        }
        assertEquals(2, store.walSyncs() - syncsBefore, "the held sync, then one for both later transactions");
        Hash end = next.get(0).placedOnto.equals(leading.root) ? next.get(1).root : next.get(0).root;
        assertEquals(end, repo.workingSet("main").working());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
    /**
     * A rebase that writes only what its working set reaches is written without the reachability walk: a chunk it
     * writes and nothing reaches is stored (which is why such a rebase must mark its buffer when it does leave
     * garbage); marked superseded, the walk runs and leaves that chunk out. A plain rebase is always walked.
     */
    @Test
    void aRebaseWritingOnlyWhatItReachesIsNotWalkedUnlessItSaysOtherwise() {
        WorkingSetCommitQueue queue = repo.commitQueue("main");
        assertEquals(0, chunksLeftOut(queue, "stray-1", true, false), "not walked: the stray chunk is written");
        assertTrue(repo.store().has(Hash.of("stray-1".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, chunksLeftOut(queue, "stray-2", true, true), "marked superseded: walked");
        assertEquals(1, chunksLeftOut(queue, "stray-3", false, false), "a plain rebase: walked");
        assertTrue(!repo.store().has(Hash.of("stray-3".getBytes(StandardCharsets.UTF_8))));
    }

    /** Commits a transaction whose rebase also writes one chunk nothing reaches; the chunks its group left out. */
    private long chunksLeftOut(WorkingSetCommitQueue queue, String stray, boolean onlyReached, boolean supersede) {
        Txn t = new Txn(stray + "-root");
        WorkingSetCommitQueue.Rebase placed = t.rebase();
        long before = queue.chunksDropped();
        queue.commit(t.buffer, new WorkingSetCommitQueue.Rebase() {
            @Override
            public dev.scion.versioning.model.WorkingSet onto(dev.scion.versioning.model.WorkingSet current,
                                                              ChunkBuffer chunks) {
                chunks.put(stray.getBytes(StandardCharsets.UTF_8));
                if (supersede) {
                    chunks.supersede();
                }
                return placed.onto(current, chunks);
            }

            @Override
            public boolean writesOnlyWhatItReaches() {
                return onlyReached;
            }
        });
        return queue.chunksDropped() - before;
    }
}
