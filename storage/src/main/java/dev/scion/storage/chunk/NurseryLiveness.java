package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.Set;

/**
 * Decides which young chunks a drain of the {@link Nursery} must write to RocksDB: those still reachable from the
 * roots of whoever builds on the store. The store knows no roots (refs name commits, working sets are encoded
 * objects, transactions pin snapshots), so the layer above supplies this; without it a drain keeps every chunk.
 */
@FunctionalInterface
public interface NurseryLiveness {
  /**
   * Runs on the drain thread while writers keep running. Must start the store's drain barrier
   * ({@link RocksChunkStore#beginNurseryBarrier}) in the same {@link RocksChunkStore#withWritesPaused} step in
   * which it first lists its roots, so that a chunk found present by a writer after the listing is kept. Returns
   * the young chunks to keep (it may name others too), or null when it cannot tell (then every chunk is kept:
   * writing garbage is safe, dropping a live chunk is not).
   */
  Set<Hash> live(RocksChunkStore store);
}
