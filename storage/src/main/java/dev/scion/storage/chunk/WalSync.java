package dev.scion.storage.chunk;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes written batches durable with as few syncs as possible, and without holding up the next write.
 *
 * <p>The group writer appends each batch to the redo log unsynced (an ordered {@code write()} into the OS) and
 * takes a ticket for it ({@link #written}); a caller that must not be acknowledged before its batch is durable
 * then waits for its ticket ({@link #awaitDurable}). A sync notes the last ticket written so far and, when it
 * returns, has made every batch up to that ticket durable, whichever branch or thread wrote it. Writes go on while
 * a sync runs, so the log's order, not a held lock, is what makes a batch that builds on an earlier one durable
 * only after it.
 *
 * <p>Up to {@code maxInFlight} syncs may run at once. A caller whose ticket no running sync covers (it was written
 * after they started) starts one of its own if fewer than that many run, and otherwise waits for one to end. With
 * one, a batch written just after a sync started waits for the rest of that sync and then the whole next one; with
 * two, its sync overlaps the first, which on a disk that serves several flushes at once (this project's virtio
 * disk: four threads each writing and syncing reached 2-4x the rate of one sync at a time) takes about one sync's
 * time. Overlapping is safe because fdatasync makes durable everything written to the file before it was called,
 * whatever other syncs are doing (Linux waits for pages already under writeback), so a sync that ends, in any
 * order, covers every ticket up to the one it noted at its start.
 */
final class WalSync {
    /** Forces the log to disk; every batch whose write returned before the call is covered. Thread-safe. */
    interface Syncer {
        void sync();
    }

    private final Syncer syncer;
    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    /** Tickets handed out so far; the latest is the last batch whose write returned. Guarded by {@link #lock}. */
    private long written;
    /** Every batch up to this ticket is durable. */
    private long durable;
    /** Syncs running now, and the highest ticket one of them will make durable (0: none runs). */
    private int inFlight;
    private long coveredInFlight;
    private long syncs;
    /** Syncs started while another was running (an operation count for tests and benchmarks). */
    private long overlapped;
    private int waiting;

    WalSync(Syncer syncer) {
        this(syncer, 1);
    }

    WalSync(Syncer syncer, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
        this.syncer = syncer;
        this.maxInFlight = maxInFlight;
    }

    /** A ticket for a batch whose unsynced write has just returned; tickets grow in log order. */
    long written() {
        lock.lock();
        try {
            return ++written;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the batch of {@code ticket} is durable, syncing the log itself when no running sync covers it. */
    void awaitDurable(long ticket) {
        lock.lock();
        try {
            while (durable < ticket) {
                if (coveredInFlight >= ticket || inFlight >= maxInFlight) {
                    // a running sync covers this ticket, or as many run as may: wait for one to end
                    waiting++;
                    try {
                        synced.awaitUninterruptibly();
                    } finally {
                        waiting--;
                    }
                    continue;
                }
                if (inFlight > 0) {
                    overlapped++;
                }
                inFlight++;
                long target = written;
                coveredInFlight = Math.max(coveredInFlight, target);
                boolean ok = false;
                lock.unlock();
                try {
                    syncer.sync();
                    ok = true;
                } finally {
                    lock.lock();
                    inFlight--;
                    if (ok) {
                        durable = Math.max(durable, target);
                        syncs++;
                    }
                    if (inFlight == 0) {
                        // on failure the waiters try a sync of their own, and each one that fails throws
                        coveredInFlight = durable;
                    }
                    synced.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Log syncs so far (an operation count: fewer than the batches they made durable when grouped). */
    long syncs() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }

    /** Syncs started while another one ran. */
    long overlapped() {
        lock.lock();
        try {
            return overlapped;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for a sync another thread runs (lets tests arrange a shared sync deterministically). */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }
}
