package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded in-process LRU cache of chunk bytes, weighed in bytes.
 *
 * <p>Split into shards with a lock each so readers on different chunks rarely contend; chunk hashes are
 * uniformly random, so any bits of the hash code spread them evenly.
 */
public final class ChunkCache {
  /** Rough per-entry bookkeeping cost (map entry, Hash, array header) counted against the budget. */
  static final int ENTRY_OVERHEAD = 96;
  private static final int SHARDS = 16;

  private final Shard[] shards;
  private final long capacityBytes;

  public ChunkCache(long capacityBytes) {
    this.capacityBytes = Math.max(0, capacityBytes);
    this.shards = new Shard[SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard(this.capacityBytes / SHARDS);
    }
  }

  private Shard shard(Hash h) {
    return shards[(h.hashCode() >>> 28) & (SHARDS - 1)];
  }

  /** The cached bytes for {@code h}, or null. */
  public byte[] get(Hash h) {
    if (capacityBytes == 0) {
      return null;
    }
    return shard(h).get(h);
  }

  /** Caches {@code chunk} under {@code h}; chunks too big for a shard are not cached. */
  public void put(Hash h, byte[] chunk) {
    if (capacityBytes == 0) {
      return;
    }
    shard(h).put(h, chunk);
  }

  public boolean contains(Hash h) {
    return capacityBytes != 0 && shard(h).contains(h);
  }

  /** Bytes currently accounted to cached chunks. */
  public long weightBytes() {
    long sum = 0;
    for (Shard s : shards) {
      sum += s.weight();
    }
    return sum;
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public void clear() {
    for (Shard s : shards) {
      s.clear();
    }
  }

  private static final class Shard {
    private final long capacity;
    private final LinkedHashMap<Hash, byte[]> map = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;

    Shard(long capacity) {
      this.capacity = capacity;
    }

    synchronized byte[] get(Hash h) {
      return map.get(h);
    }

    synchronized boolean contains(Hash h) {
      return map.containsKey(h);
    }

    synchronized void put(Hash h, byte[] chunk) {
      long w = weigh(chunk);
      if (w > capacity / 2) {
        return; // one huge chunk must not flush the whole shard
      }
      byte[] old = map.put(h, chunk);
      if (old != null) {
        weight -= weigh(old);
      }
      weight += w;
      Iterator<Map.Entry<Hash, byte[]>> it = map.entrySet().iterator();
      while (weight > capacity && it.hasNext()) {
        Map.Entry<Hash, byte[]> eldest = it.next();
        weight -= weigh(eldest.getValue());
        it.remove();
      }
    }

    synchronized long weight() {
      return weight;
    }

    synchronized void clear() {
      map.clear();
      weight = 0;
    }

    private static long weigh(byte[] chunk) {
      return chunk.length + ENTRY_OVERHEAD;
    }
  }
}
