package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The addresses a {@link RocksChunkStore} saw written or existence-checked while a garbage collection was
 * running. A collector must keep every one of them: a writer may be about to reference any chunk it just
 * wrote or found present, and the collector cannot see that reference yet.
 *
 * <p>Thread-safe. Holds only what is touched during one collection, so it stays small.
 */
public final class WriteBarrier {
  private final Set<Hash> touched = ConcurrentHashMap.newKeySet();
  private final AtomicLong writtenBytes = new AtomicLong();

  WriteBarrier() {}

  void record(Hash h) {
    touched.add(h);
  }

  /** Records a chunk written (not just checked) during the collection, and its size. */
  void recordWrite(Hash h, int bytes) {
    touched.add(h);
    writtenBytes.addAndGet(bytes);
  }

  public boolean contains(Hash h) {
    return touched.contains(h);
  }

  public int size() {
    return touched.size();
  }

  /**
   * Bytes of the chunks written during the collection (uncompressed). The collection keeps them all, so what it
   * leaves on disk includes them even where they are already garbage again.
   */
  public long writtenBytes() {
    return writtenBytes.get();
  }

  /** A copy of the addresses recorded so far. */
  public Set<Hash> snapshot() {
    return Set.copyOf(touched);
  }
}
