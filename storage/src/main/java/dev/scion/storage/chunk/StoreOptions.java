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
 */
public record StoreOptions(long chunkCacheBytes, long blockCacheBytes, boolean sync, boolean nursery) {
  public static final long MIB = 1024L * 1024L;

  public StoreOptions {
    if (chunkCacheBytes < 0 || blockCacheBytes < 0) {
      throw new IllegalArgumentException("cache sizes must be >= 0");
    }
  }

  public StoreOptions(long chunkCacheBytes, long blockCacheBytes, boolean sync) {
    this(chunkCacheBytes, blockCacheBytes, sync, false);
  }

  /** 64 MiB chunk cache, 64 MiB block cache, synced commits, no nursery. */
  public static StoreOptions defaults() {
    return new StoreOptions(64 * MIB, 64 * MIB, true, false);
  }

  public StoreOptions withSync(boolean sync) {
    return new StoreOptions(chunkCacheBytes, blockCacheBytes, sync, nursery);
  }

  public StoreOptions withNursery(boolean nursery) {
    return new StoreOptions(chunkCacheBytes, blockCacheBytes, sync, nursery);
  }
}
