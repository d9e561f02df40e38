package dev.scion.versioning.gc;

import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.GarbageCollector;
import dev.scion.storage.gc.GcResult;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Garbage collection of one database: marks from every ref and working set and from the live roots of
 * open transactions and transfers, then sweeps the rest, online. One collection at a time per database.
 */
public final class RepositoryCollector {
    private final RocksChunkStore store;
    private final LiveRoots live;
    /**
     * Transfers hold this shared while chunks they stored are not yet reachable from a ref (and while they
     * rely on "the destination has it" for whole subtrees); a collection takes it exclusively.
     */
    private final ReentrantReadWriteLock transfers = new ReentrantReadWriteLock();

    public RepositoryCollector(RocksChunkStore store, LiveRoots live) {
        this.store = store;
        this.live = live;
    }

    public GcResult collect() {
        transfers.writeLock().lock();
        try {
            return new GarbageCollector(store, VersioningKinds.registry()).collect(live.with(new RefRoots(store)));
        } finally {
            transfers.writeLock().unlock();
        }
    }

    /** Holds collections off until the returned handle is closed (a transfer into this database). */
    public AutoCloseable holdOff() {
        transfers.readLock().lock();
        return () -> transfers.readLock().unlock();
    }
}
