package dev.scion.versioning.gc;

import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.GarbageCollector;
import dev.scion.storage.gc.GcResult;

/**
 * Garbage collection of one database: marks from every ref and working set and from the live roots of
 * open transactions and transfers, then sweeps the rest, online. One collection at a time per database.
 */
public final class RepositoryCollector {
    private final RocksChunkStore store;
    private final LiveRoots live;

    public RepositoryCollector(RocksChunkStore store, LiveRoots live) {
        this.store = store;
        this.live = live;
    }

    public GcResult collect() {
        synchronized (this) {
            return new GarbageCollector(store, VersioningKinds.registry()).collect(live.with(new RefRoots(store)));
        }
    }
}
