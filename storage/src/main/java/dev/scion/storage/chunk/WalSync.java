package dev.scion.storage.chunk;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes written batches durable with as few syncs as possible, and without holding up the next write.
 *
 * <p>The group writer appends each batch to RocksDB's log unsynced (an ordered {@code write()} into the OS) and
 * takes a ticket for it ({@link #written}); a caller that must not be acknowledged before its batch is durable
 * then waits for its ticket ({@link #awaitDurable}). One thread at a time syncs the log: it notes the last ticket
 * written so far, calls the sync, and so makes every batch up to that ticket durable, whichever branch or thread
 * wrote it. Callers that arrive while a sync runs wait for it and, if their ticket came later, one of them runs
 * the next sync for all of them. Writes go on while a sync runs, so the log's order, not a held lock, is what
 * makes a batch that builds on an earlier one durable only after it.
 */
final class WalSync {
    /** Forces the log to disk (RocksDB's SyncWAL); every batch whose write returned before the call is covered. */
    interface Syncer {
        void sync();
    }

    private final Syncer syncer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    /** Tickets handed out so far; the latest is the last batch whose write returned. Guarded by {@link #lock}. */
    private long written;
    /** Every batch up to this ticket is durable. */
    private long durable;
    private boolean syncing;
    private long syncs;
    private int waiting;

    WalSync(Syncer syncer) {
        this.syncer = syncer;
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

    /** Returns once the batch of {@code ticket} is durable, syncing the log itself when no other thread is. */
    void awaitDurable(long ticket) {
        lock.lock();
        try {
            while (durable < ticket) {
                if (syncing) {
                    waiting++;
                    try {
                        synced.awaitUninterruptibly();
                    } finally {
                        waiting--;
                    }
                    continue;
                }
                syncing = true;
                long target = written;
                boolean ok = false;
                lock.unlock();
                try {
                    syncer.sync();
                    ok = true;
                } finally {
                    lock.lock();
                    syncing = false;
                    if (ok) {
                        durable = Math.max(durable, target);
                        syncs++;
                    }
                    // on failure the waiters try a sync of their own, and each one that fails throws
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
