package dev.scion.versioning.gc;

import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.GarbageCollector;
import dev.scion.storage.gc.GcResult;
import dev.scion.storage.gc.NurseryMarker;

/**
 * Garbage collection of one database: marks from every ref and working set and from the live roots of
 * open transactions and transfers, waits for the operations that were running when it listed them
 * ({@link OperationTracker}), then sweeps the rest, online. One collection at a time per database.
 */
public final class RepositoryCollector {
    private final RocksChunkStore store;
    private final LiveRoots live;
    /**
     * Transfers hold collections off while chunks they stored are not yet reachable from a ref (and while
     * they rely on "the destination has it" for whole subtrees). Not a lock owned by a thread: a push over
     * HTTP holds it across requests served by different threads.
     */
    private final Object gate = new Object();
    private int holds;
    private boolean collecting;

    public RepositoryCollector(RocksChunkStore store, LiveRoots live) {
        this.store = store;
        this.live = live;
    }

    public GcResult collect() {
        synchronized (gate) {
            while (collecting || holds > 0) {
                await();
            }
            collecting = true;
        }
        try {
            return new GarbageCollector(store, VersioningKinds.registry())
                    .collect(live.with(new RefRoots(store)), OperationTracker.process());
        } finally {
            synchronized (gate) {
                collecting = false;
                gate.notifyAll();
            }
        }
    }

    /**
     * What decides, for the store's nursery drains, which young chunks are still live: the roots, walkers and fence
     * of a collection. A transfer holding collections off makes a drain keep everything.
     */
    public NurseryMarker nurseryLiveness() {
        return new NurseryMarker(live.with(new RefRoots(store)), VersioningKinds.registry(), OperationTracker.process(),
                () -> {
                    synchronized (gate) {
                        return holds == 0;
                    }
                }, NURSERY_FENCE_BOUND_MILLIS);
    }

    /** How long a drain waits for older statements before keeping every young chunk (commits may wait for it). */
    private static final long NURSERY_FENCE_BOUND_MILLIS = 1_000;

    /**
     * Holds collections off until the returned handle is closed (a transfer into this database); waits for
     * a running collection to finish first. Closing twice releases once.
     */
    public AutoCloseable holdOff() {
        synchronized (gate) {
            while (collecting) {
                await();
            }
            holds++;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                synchronized (gate) {
                    holds--;
                    gate.notifyAll();
                }
            }
        };
    }

    /** Waits on the gate (the caller holds it); a collection in progress does not wait for this operation. */
    private void await() {
        boolean[] interrupted = new boolean[1];
        OperationTracker.process().whileBlocked(() -> {
            try {
                gate.wait();
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        if (interrupted[0]) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for garbage collection or a transfer");
        }
    }
}
