package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses a {@link RocksChunkStore} saw written or existence-checked while a garbage collection was
 * running. A collector must keep every one of them: a writer may be about to reference any chunk it just
 * wrote or found present, and the collector cannot see that reference yet.
 *
 * <p>Thread-safe. Holds only what is touched during one collection, so it stays small.
 */
public final class WriteBarrier {
  private final Set<Hash> touched = ConcurrentHashMap.newKeySet();

  WriteBarrier() {}

  void record(Hash h) {
    touched.add(h);
  }

  public boolean contains(Hash h) {
    return touched.contains(h);
  }

  public int size() {
    return touched.size();
  }

  /** A copy of the addresses recorded so far. */
  public Set<Hash> snapshot() {
    return Set.copyOf(touched);
  }
}
