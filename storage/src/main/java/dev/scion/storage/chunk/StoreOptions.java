package dev.scion.storage.chunk;

/**
 * Tuning for a {@link RocksChunkStore}.
 *
 * @param chunkCacheBytes budget of the in-process cache of chunk bytes in front of RocksDB
 * @param blockCacheBytes capacity of RocksDB's LRU block cache (shared by both column families)
 * @param sync whether {@link RocksChunkStore#commit} fsyncs the write-ahead log before returning; without
 *     it a commit survives a process crash but not a power loss
 * @param nursery whether the chunks of a commit that moves refs stay in memory (and in the redo log) until the
 *     log's next drain, which writes to RocksDB only those still reachable ({@link Nursery}); without it every
 *     committed chunk goes to RocksDB's memtables at once
 * @param syncsInFlight how many syncs of the redo log may run at once ({@link WalSync}): with two, a commit
 *     written while a sync runs starts its own at once rather than waiting for that one to end first
 */
public record StoreOptions(long chunkCacheBytes, long blockCacheBytes, boolean sync, boolean nursery,
    int syncsInFlight) {
  public static final long MIB = 1024L * 1024L;
  /** Two overlapping syncs: on this project's virtio disk a second one costs little more than one alone. */
  public static final int DEFAULT_SYNCS_IN_FLIGHT = 2;

  public StoreOptions {
    if (chunkCacheBytes < 0 || blockCacheBytes < 0) {
      throw new IllegalArgumentException("cache sizes must be >= 0");
    }
    if (syncsInFlight < 1) {
      throw new IllegalArgumentException("at least one sync must be allowed in flight: " + syncsInFlight);
    }
  }

  public StoreOptions(long chunkCacheBytes, long blockCacheBytes, boolean sync) {
    this(chunkCacheBytes, blockCacheBytes, sync, false);
  }

  public StoreOptions(long chunkCacheBytes, long blockCacheBytes, boolean sync, boolean nursery) {
    this(chunkCacheBytes, blockCacheBytes, sync, nursery, DEFAULT_SYNCS_IN_FLIGHT);
  }

  /** 64 MiB chunk cache, 64 MiB block cache, synced commits, no nursery, two syncs in flight. */
  public static StoreOptions defaults() {
    return new StoreOptions(64 * MIB, 64 * MIB, true, false);
  }

  public StoreOptions withSync(boolean sync) {
    return new StoreOptions(chunkCacheBytes, blockCacheBytes, sync, nursery, syncsInFlight);
  }

  public StoreOptions withNursery(boolean nursery) {
    return new StoreOptions(chunkCacheBytes, blockCacheBytes, sync, nursery, syncsInFlight);
  }

  public StoreOptions withSyncsInFlight(int syncsInFlight) {
    return new StoreOptions(chunkCacheBytes, blockCacheBytes, sync, nursery, syncsInFlight);
  }
}
