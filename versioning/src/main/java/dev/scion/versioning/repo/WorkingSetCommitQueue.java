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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes transactions to one branch's working set, several at a time. While one thread (the leader) rebases a
 * group of transactions onto the branch's working root and writes them with a single synced compare-and-swap,
 * later transactions queue; when it is done, one of them leads the next group.
 *
 * <p>Without it, concurrent writers to a branch each compare-and-swap the same working-set ref: in a store
 * group only the first wins and the others merge again and pay another sync, so commits serialise on the disk.
 * Here every transaction of a group is rebased in turn onto the root its predecessors left (the first onto the
 * stored one), and the group's chunks and the one ref update share one synced batch. A transaction whose
 * rebase fails (a write conflict) fails alone; the rest of its group still commits.
 */
public final class WorkingSetCommitQueue {
    /** How many times a group is rebuilt when a writer outside the queue moved the working set meanwhile. */
    private static final int MAX_ATTEMPTS = 64;

    /**
     * Turns one transaction's root into the root to install on top of {@code current}, the branch's working root
     * at that point of the group. Reads and writes chunks through {@code chunks}, which sees the transaction's own
     * chunks and those of the group before it. Throws to fail only this transaction. Must be repeatable: a group
     * can be rebuilt.
     */
    public interface Rebase {
        Hash onto(Hash current, ChunkBuffer chunks);
    }

    private static final class Request {
        final ChunkBuffer chunks;
        final Rebase rebase;
        boolean done;
        RuntimeException failure;

        Request(ChunkBuffer chunks, Rebase rebase) {
            this.chunks = chunks;
            this.rebase = rebase;
        }
    }

    private final Repository repo;
    private final String branch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition leaderDone = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean leaderActive;
    private long groupsWritten;
    private long commitsWritten;

    WorkingSetCommitQueue(Repository repo, String branch) {
        this.repo = repo;
        this.branch = branch;
    }

    /**
     * Blocks until the transaction is durable in the branch's working set (possibly written by another thread's
     * group) and clears {@code chunks}; throws its rebase failure, or a {@link VersioningException}
     * (CONCURRENT_UPDATE) when the working set kept moving under the group.
     */
    public void commit(ChunkBuffer chunks, Rebase rebase) {
        Request r = new Request(chunks, rebase);
        List<Request> group;
        lock.lock();
        try {
            queue.add(r);
            // Uninterruptible: once queued the request may be in another thread's group; abandoning it would lie.
            while (leaderActive && !r.done) {
                leaderDone.awaitUninterruptibly();
            }
            if (r.done) {
                finish(r);
                return;
            }
            leaderActive = true;
            group = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        boolean written = false;
        try {
            writeGroup(group);
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
                groupsWritten++;
                commitsWritten += group.size();
                leaderActive = false;
                leaderDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
        finish(r);
    }

    private static void finish(Request r) {
        if (r.failure != null) {
            throw r.failure;
        }
        r.chunks.clear();
    }

    /** Rebases every request of the group in order and writes the survivors in one synced batch. */
    private void writeGroup(List<Request> group) {
        RocksChunkStore store = repo.store();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] raw = store.readRef(RefNames.workingSet(branch));
            WorkingSet current = raw != null ? WorkingSet.decode(raw) : repo.workingSet(branch);
            ChunkBuffer out = new ChunkBuffer(store);
            Hash root = current.working();
            boolean any = false;
            for (Request r : group) {
                if (r.failure != null) {
                    continue;
                }
                // the rebase sees the group so far, then this transaction's chunks, then the store
                ChunkBuffer trial = new ChunkBuffer(new Layered(out, r.chunks));
                try {
                    root = r.rebase.onto(root, trial);
                } catch (RuntimeException e) {
                    r.failure = e;
                    continue;
                }
                out.putAll(r.chunks.pending());
                out.putAll(trial.pending());
                any = true;
            }
            if (!any) {
                return;
            }
            try {
                store.commit(out.pending(), List.of(RefUpdate.cas(RefNames.workingSet(branch), raw,
                        current.withWorking(root).encode())));
                return;
            } catch (RefConflictException e) {
                // a writer outside the queue (a dolt procedure, a branch operation) moved the working set:
                // rebase the group again onto what it left (requests that failed their rebase stay failed)
                Thread.onSpinWait();
            }
        }
        throw new VersioningException(VersioningException.Reason.CONCURRENT_UPDATE,
                "branch '" + branch + "' was updated concurrently; retry the transaction");
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
