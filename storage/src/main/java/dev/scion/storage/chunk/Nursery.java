package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The young generation of a {@link RocksChunkStore}'s chunks: those of commits that moved refs since the redo log's
 * last drain, held in memory (and in the log's records, which make them durable) instead of in RocksDB. Almost all
 * of them are garbage by the next commit (the next write to a table replaces the same leaf and path), so a drain
 * writes to RocksDB only the ones still reachable and drops the rest without RocksDB ever flushing, compressing,
 * compacting and deleting them.
 *
 * <p>Chunks carry the generation they were put in. {@link #freeze} ends the current generation at a record boundary
 * of the log (the caller holds the log's write lock), and a drain of generation g handles every chunk put in g or
 * before; a chunk put again while it is here stays in its generation (see {@link #put}), and a drain that finds it
 * unreachable keeps it anyway when the write was recorded in the drain's barrier.
 * Thread-safe.
 */
final class Nursery {
  /** A young chunk and the generation it was last put in. */
  record Entry(Hash address, byte[] bytes, long generation) {}

  private final ConcurrentHashMap<Hash, Entry> chunks = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long generation = 1;
  /** Chunks of this generation or before are kept by every drain (see {@link #keepEverythingSoFar}). */
  private volatile long keptThrough;

  byte[] get(Hash h) {
    Entry e = chunks.get(h);
    return e == null ? null : e.bytes();
  }

  boolean contains(Hash h) {
    return chunks.containsKey(h);
  }

  /**
   * Adds a chunk to the current generation; one already here keeps its older generation. That way a young chunk's
   * young descendants are never of a later generation than itself (they existed when it was committed), so a drain
   * that writes a chunk to RocksDB writes its young descendants with it. Called under the log's write lock.
   */
  void put(Hash h, byte[] chunk) {
    if (chunks.putIfAbsent(h, new Entry(h, chunk, generation)) == null) {
      bytes.addAndGet(chunk.length);
    }
  }

  /**
   * Marks every chunk in the nursery now as kept by the drains to come. Called when a chunk goes to RocksDB without
   * a ref change (a dangling commit whose address a session keeps, a pushed chunk): it may reference young chunks,
   * and a drain only descends into young chunks, so it could not tell they are still wanted.
   */
  void keepEverythingSoFar() {
    keptThrough = generation;
  }

  /** Whether a drain must keep {@code e} whatever its reachability. */
  boolean mustKeep(Entry e) {
    return e.generation() <= keptThrough;
  }

  /** Ends the current generation and returns its number. Called under the log's write lock. */
  long freeze() {
    return generation++;
  }

  /** The chunks put in generation {@code g} or before and not moved to a later one since. */
  List<Entry> through(long g) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : chunks.values()) {
      if (e.generation() <= g) {
        out.add(e);
      }
    }
    return out;
  }

  /** Removes {@code e} (if it is still the entry for its address). */
  void remove(Entry e) {
    if (chunks.remove(e.address(), e)) {
      bytes.addAndGet(-e.bytes().length);
    }
  }

  /** Forgets everything (after a reopen replayed the log, whose records hold every young chunk). */
  void clear() {
    chunks.clear();
    bytes.set(0);
  }

  int size() {
    return chunks.size();
  }

  long bytes() {
    return bytes.get();
  }
}
