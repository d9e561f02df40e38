package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.RefConflictException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.versioning.model.WorkingSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes transactions to one branch's working set, several at a time. While one thread (the leader) writes a
 * group of transactions with a single synced compare-and-swap, later transactions queue; when it is done, one of
 * them leads the next group.
 *
 * <p>Without it, concurrent writers to a branch each compare-and-swap the same working-set ref: in a store
 * group only the first wins and the others merge again and pay another sync, so commits serialise on the disk.
 * Here every transaction of a group is placed in turn onto the working set its predecessors left (the first onto
 * the stored one), and the group's chunks and the one ref update share one synced batch. A transaction whose
 * rebase fails (a write conflict) fails alone; the rest of its group still commits.
 *
 * <p>The leader holds the queue only while it rebases and appends the batch to the store's log
 * ({@link RocksChunkStore#write}); the sync comes after, outside the queue, where each transaction of the group
 * waits for it ({@link RocksChunkStore#awaitDurable}). So the next group is rebased and appended while the sync
 * runs, and one sync can cover several groups, of this branch and others.
 *
 * <p>Rebasing (a three-way merge when the branch moved since the transaction's snapshot) is the costly part, so
 * each committing thread first rebases its own transaction onto the <em>tip</em>: the working set the group
 * being written will leave, or the stored one when no group is in flight. That work runs on the committing
 * threads in parallel, partly while the leader waits for its sync. The leader then takes a prepared result as it
 * is when the transaction's place in its group is exactly that tip, and rebases again only on a race (in a group
 * of several, the later ones were prepared against the same tip, so they are rebased again).
 */
public final class WorkingSetCommitQueue {
    /** How many times a group is rebuilt when a writer outside the queue moved the working set meanwhile. */
    private static final int MAX_ATTEMPTS = 64;

    /**
     * Turns one transaction's result into the working set to install on top of {@code current}, the branch's
     * working set at that point of the group (usually only the working root changes). Reads and writes chunks
     * through {@code chunks}, which sees the transaction's own chunks and those of the group before it. Throws to
     * fail only this transaction. Must be repeatable and must not depend on which thread runs it: a transaction is
     * prepared by its own thread and may be rebased again by the leader.
     */
    public interface Rebase {
        WorkingSet onto(WorkingSet current, ChunkBuffer chunks);

        /**
         * Whether every chunk {@link #onto} writes to its buffer is reached by the working set it returns, unless
         * it marks the buffer {@link ChunkBuffer#supersede superseded}: then a group of this one transaction is
         * written without the {@link ReachableChunks} walk. Off by default, as a three-way merge leaves the
         * transaction's own paths, built on its stale snapshot, unreached.
         */
        default boolean writesOnlyWhatItReaches() {
            return false;
        }
    }

    private static final class Request {
        final ChunkBuffer chunks;
        final Rebase rebase;
        /** The tip the transaction was prepared against, the working set it made of it, and the chunks it wrote. */
        WorkingSet preparedOn;
        WorkingSet prepared;
        ChunkBuffer preparedChunks;
        boolean done;
        RuntimeException failure;
        /** What the store gave the group's write: the transaction is acknowledged once that is durable. */
        long ticket;

        Request(ChunkBuffer chunks, Rebase rebase) {
            this.chunks = chunks;
            this.rebase = rebase;
        }
    }

    /** A working set the queue expects the branch to hold next, and the chunks (not yet durable) it needs. */
    private record Tip(WorkingSet workingSet, ChunkBuffer chunks) {
    }

    private final Repository repo;
    private final String branch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition leaderDone = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean leaderActive;
    /** The working set the group in flight will leave, once rebased; null otherwise. Guarded by {@link #lock}. */
    private Tip tip;
    /**
     * The working set the last group of this queue wrote (null: none yet). Written under {@link #lock}, read without
     * it: every COMMIT of deferred rows reads it twice, and a reader parked behind the lock while its holder waited
     * for a processor cost 3 ms a time at four threads (JFR, docs/performance.md "Round 24").
     */
    private volatile WorkingSet lastWritten;
    private long groupsWritten;
    private long commitsWritten;
    private long preparedTaken;
    /** Transactions their own thread rebased onto a tip ahead of the queue (taken or not). */
    private final java.util.concurrent.atomic.AtomicLong preparedTried = new java.util.concurrent.atomic.AtomicLong();
    private long leaderRebases;
    /** Chunks built by a group's rebases that its working set does not reach, so never written. */
    private long dropped;
    /** Groups written after a {@link ReachableChunks} walk, and the nanoseconds those walks took. */
    private long walks;
    private long walkNanos;
    /** Nanoseconds leaders spent placing and appending groups: the queue's serial section. */
    private long serialNanos;
    /** The working set of the group being written, set by its leader (only one at a time). */
    private WorkingSet groupResult;

    /** Runs after a group is rebased and before its synced write; tests use it to hold a group in flight. */
    private final Runnable beforeSync;

    WorkingSetCommitQueue(Repository repo, String branch) {
        this(repo, branch, () -> { });
    }

    WorkingSetCommitQueue(Repository repo, String branch, Runnable beforeSync) {
        this.repo = repo;
        this.branch = branch;
        this.beforeSync = beforeSync;
    }

    /**
     * Blocks until the transaction is durable in the branch's working set (possibly written by another thread's
     * group) and clears {@code chunks}; throws its rebase failure, or a {@link VersioningException}
     * (CONCURRENT_UPDATE) when the working set kept moving under the group.
     */
    public void commit(ChunkBuffer chunks, Rebase rebase) {
        commit(chunks, rebase, () -> { });
    }

    /**
     * As {@link #commit(ChunkBuffer, Rebase)}, and runs {@code ordered} on the calling thread as soon as the
     * transaction's place on the branch is fixed: its batch is in the store's log and readers of this process see
     * it, but the sync that makes it durable may still be running. A caller releases its row locks there, as InnoDB
     * does once a commit is in its log buffer: whoever takes a lock next and builds on this transaction commits
     * later in the same log, so its own acknowledgement waits for a sync that covers this one too. Not run when the
     * transaction fails.
     */
    public void commit(ChunkBuffer chunks, Rebase rebase, Runnable ordered) {
        Request r = new Request(chunks, rebase);
        prepare(r);
        List<Request> group;
        lock.lock();
        try {
            queue.add(r);
            // Uninterruptible: once queued the request may be in another thread's group; abandoning it would lie.
            while (leaderActive && !r.done) {
                leaderDone.awaitUninterruptibly();
            }
            if (r.done) {
                finish(r, ordered, null);
                return;
            }
            leaderActive = true;
            group = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        boolean written = false;
        RocksChunkStore.Written batch = null;
        long serialStart = System.nanoTime();
        try {
            batch = writeGroup(group);
            written = true;
        } catch (RuntimeException e) {
            for (Request g : group) {
                if (g.failure == null) {
                    g.failure = e;
                }
            }
        } finally {
            lock.lock();
            try {
                for (Request g : group) {
                    if (!written && g.failure == null) {
                        // an Error escaped: nobody may believe their commit is durable
                        g.failure = new VersioningException(VersioningException.Reason.CONCURRENT_UPDATE,
                                "the commit group of branch '" + branch + "' failed before it was written");
                    }
                    g.done = true;
                }
                if (written && batch != null) {
                    lastWritten = groupResult;
                }
                tip = null; // no group in flight: the next transaction prepares against the stored working set
                groupsWritten++;
                commitsWritten += group.size();
                serialNanos += System.nanoTime() - serialStart;
                leaderActive = false;
                leaderDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
        finish(r, ordered, batch);
    }

    /**
     * While a group waits for its sync and nobody else is queued, this transaction will be the first of the next
     * group, placed on the working set the group in flight leaves (the tip): it is rebased onto the tip here, on
     * the calling thread, in parallel with the sync and with other threads' work. Otherwise the leader does it (a
     * thread that finds no group in flight leads the next one itself; one that finds others waiting comes after
     * them). A failure here is not final (the tip may never become durable): the leader rebases it again.
     */
    private void prepare(Request r) {
        Tip at;
        lock.lock();
        try {
            if (!leaderActive || tip == null || !queue.isEmpty()) {
                return;
            }
            at = tip;
        } finally {
            lock.unlock();
        }
        ChunkBuffer trial = new ChunkBuffer(new Layered(at.chunks(), r.chunks));
        preparedTried.incrementAndGet();
        try {
            r.prepared = r.rebase.onto(at.workingSet(), trial);
            r.preparedOn = at.workingSet();
            r.preparedChunks = trial;
        } catch (RuntimeException e) {
            r.prepared = null;
        }
    }

    /**
     * After the group's write: outside the queue's leadership, so the next group is rebased and written while this
     * one's sync runs (and one sync covers both when it can).
     */
    private void finish(Request r, Runnable ordered, RocksChunkStore.Written batch) {
        if (r.failure != null) {
            cache(batch);
            throw r.failure;
        }
        try {
            ordered.run();
        } finally {
            cache(batch);
            repo.store().awaitDurable(r.ticket);
        }
        r.chunks.clear();
    }

    /**
     * A leader caches its group's chunks once it has left the queue and released its row locks, while the sync
     * runs, rather than inside the queue where the next group waits for it (null: the caller led no group).
     */
    private void cache(RocksChunkStore.Written batch) {
        if (batch != null) {
            repo.store().cache(batch);
        }
    }

    /**
     * Places every request of the group in order and appends the survivors as one batch (synced later); returns
     * that batch, whose chunks the caller caches once it has left the queue, or null when nothing was written.
     */
    private RocksChunkStore.Written writeGroup(List<Request> group) {
        RocksChunkStore store = repo.store();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] raw = store.readRef(RefNames.workingSet(branch));
            WorkingSet current = raw != null ? WorkingSet.decode(raw) : repo.workingSet(branch);
            ChunkBuffer out = new ChunkBuffer(store);
            WorkingSet ws = current;
            boolean any = false;
            int placed = 0;
            boolean merged = false;
            boolean superseded = false;
            for (Request r : group) {
                if (r.failure != null) {
                    continue;
                }
                if (r.prepared != null && r.preparedOn.equals(ws)) {
                    // prepared by its own thread against exactly this working set
                    ws = r.prepared;
                    out.putAll(r.chunks.pending());
                    out.putAll(r.preparedChunks.pending());
                    merged |= leavesGarbage(r.rebase, r.preparedChunks);
                    superseded |= r.chunks.holdsSuperseded();
                    preparedTaken++;
                    any = true;
                    placed++;
                    continue;
                }
                // the rebase sees the group so far, then this transaction's chunks, then the store
                ChunkBuffer trial = new ChunkBuffer(new Layered(out, r.chunks));
                leaderRebases++;
                try {
                    ws = r.rebase.onto(ws, trial);
                } catch (RuntimeException e) {
                    r.failure = e;
                    continue;
                }
                out.putAll(r.chunks.pending());
                out.putAll(trial.pending());
                merged |= leavesGarbage(r.rebase, trial);
                superseded |= r.chunks.holdsSuperseded();
                any = true;
                placed++;
            }
            if (!any) {
                return null;
            }
            // only what the group's working set reaches: a merged transaction's own paths, built on its stale
            // snapshot, the roots between the group's transactions, and the roots (with their tree paths) that a
            // later statement of a transaction replaced are garbage (ReachableChunks). A group of one one-root
            // transaction installed as it was (no merge wrote anything), or placed by a rebase that writes only what
            // it reaches (a replay of deferred rows), is written whole: the walk would find nothing to leave out
            ChunkBuffer batch = out;
            if (merged || placed > 1 || superseded) {
                long walkStart = System.nanoTime();
                Map<Hash, byte[]> live = ReachableChunks.of(ws, out.pending());
                batch = new ChunkBuffer(store);
                batch.putAll(live);
                walks++;
                walkNanos += System.nanoTime() - walkStart;
            }
            publishTip(new Tip(ws, batch));
            groupResult = ws;
            beforeSync.run();
            try {
                RocksChunkStore.Written written = store.writeUncached(batch.pending(),
                        List.of(RefUpdate.cas(RefNames.workingSet(branch), raw, ws.encode())));
                for (Request r : group) {
                    r.ticket = written.ticket();
                }
                dropped += out.size() - batch.size();
                repo.branchActivity().wrote(branch);
                return written;
            } catch (RefConflictException e) {
                // a writer outside the queue (a dolt procedure, a branch operation) moved the working set:
                // rebase the group again onto what it left (requests that failed their rebase stay failed)
                publishTip(null);
                Thread.onSpinWait();
            }
        }
        throw new VersioningException(VersioningException.Reason.CONCURRENT_UPDATE,
                "branch '" + branch + "' was updated concurrently; retry the transaction");
    }

    /**
     * The working set the last group of this queue wrote (its chunks are in the store, though maybe not yet
     * durable), without reading the ref; null when this queue has written nothing yet. A group in flight or a
     * writer outside the queue may have moved the branch since: a hint for work done ahead of the queue (which the
     * rebase then checks), never a basis for a decision.
     */
    public WorkingSet lastWritten() {
        return lastWritten;
    }

    /** Whether what {@code rebase} wrote to {@code written} may hold chunks its working set does not reach. */
    private static boolean leavesGarbage(Rebase rebase, ChunkBuffer written) {
        return written.size() > 0 && (!rebase.writesOnlyWhatItReaches() || written.holdsSuperseded());
    }

    /** What transactions arriving from now on prepare against (the chunks map is no longer written). */
    private void publishTip(Tip next) {
        lock.lock();
        try {
            tip = next;
        } finally {
            lock.unlock();
        }
    }

    /** Synced writes of this branch's working set so far; fewer than {@link #commitsWritten()} when grouped. */
    public long groupsWritten() {
        lock.lock();
        try {
            return groupsWritten;
        } finally {
            lock.unlock();
        }
    }

    /** Transactions waiting for the next group (lets tests arrange a group deterministically). */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Transactions a leader installed as their own thread had prepared them (no rebase on the leader). */
    public long preparedTaken() {
        lock.lock();
        try {
            return preparedTaken;
        } finally {
            lock.unlock();
        }
    }

    /** Transactions a leader had to rebase itself (not prepared, or prepared against another working set). */
    public long leaderRebases() {
        lock.lock();
        try {
            return leaderRebases;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Chunks the groups built but did not write because their working set does not reach them (the stale paths of
     * merged transactions, the roots between a group's transactions).
     */
    public long chunksDropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** What this queue has done so far, read at once (for benchmarks and counting tests). */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(groupsWritten, commitsWritten, preparedTried.get(), preparedTaken, leaderRebases, walks,
                    dropped, walkNanos, serialNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counters of a queue: groups written and the transactions handed to them, transactions their own thread
     * prepared ahead of the queue, transactions taken as their own thread prepared them or rebased by a leader, groups walked ({@link ReachableChunks}) and the chunks the walks
     * left out, and the nanoseconds of the walks and of the whole serial section (placing and appending groups).
     * The times are wall-clock and only for benchmarks; tests assert the counts.
     */
    public record Stats(long groups, long commits, long preparedTried, long preparedTaken, long leaderRebases,
                        long walks, long chunksDropped, long walkNanos, long serialNanos) {
        /** The counts since {@code earlier}. */
        public Stats since(Stats earlier) {
            return new Stats(groups - earlier.groups, commits - earlier.commits,
                    preparedTried - earlier.preparedTried, preparedTaken - earlier.preparedTaken, leaderRebases - earlier.leaderRebases,
                    walks - earlier.walks, chunksDropped - earlier.chunksDropped,
                    walkNanos - earlier.walkNanos, serialNanos - earlier.serialNanos);
        }
    }

    /** Transactions handed to this queue so far (committed or failed). */
    public long commitsWritten() {
        lock.lock();
        try {
            return commitsWritten;
        } finally {
            lock.unlock();
        }
    }

    /** Reads the group's chunks first, then one transaction's buffer (which falls back to the store). */
    private record Layered(ChunkBuffer group, ChunkBuffer own) implements ChunkReader {
        @Override
        public byte[] get(Hash h) {
            byte[] b = group.pending().get(h);
            return b != null ? b : own.get(h);
        }

        @Override
        public boolean has(Hash h) {
            return group.pending().containsKey(h) || own.has(h);
        }
    }
}
