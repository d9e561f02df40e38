package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded in-process cache of chunk bytes, weighed in bytes, with CLOCK (second-chance) eviction.
 *
 * <p>Reads are lock-free: a hit is one concurrent-map lookup plus setting a "referenced" bit, instead of
 * relinking an LRU list (which costs a lock and several cache misses per hit; tree walks do one lookup per
 * level, so this is the hottest path of a point read). Inserts take a lock and, when over budget, walk the
 * insertion queue from its head: referenced entries get their bit cleared and a second chance at the tail,
 * the others are evicted. That approximates LRU closely for the skewed access of tree walks.
 */
public final class ChunkCache {
  /** Rough per-entry bookkeeping cost (map node, slot, Hash, array header) counted against the budget. */
  static final int ENTRY_OVERHEAD = 96;

  private static final class Slot {
    final Hash hash;
    final byte[] bytes;
    /** Set on every hit, cleared by the clock hand. Racy by design: a lost update only affects eviction order. */
    boolean referenced;
    /** Set once removed from the map; the clock then drops it without a second chance. */
    volatile boolean removed;

    Slot(Hash hash, byte[] bytes) {
      this.hash = hash;
      this.bytes = bytes;
    }

    long weight() {
      return bytes.length + ENTRY_OVERHEAD;
    }
  }

  private final long capacityBytes;
  private final ConcurrentHashMap<Hash, Slot> map = new ConcurrentHashMap<>();
  private final ReentrantLock evictionLock = new ReentrantLock();
  /** Insertion order, the clock's circle; guarded by evictionLock. */
  private final ArrayDeque<Slot> clock = new ArrayDeque<>();
  private long weight;

  public ChunkCache(long capacityBytes) {
    this.capacityBytes = Math.max(0, capacityBytes);
  }

  /** The cached bytes for {@code h}, or null. */
  public byte[] get(Hash h) {
    Slot s = map.get(h);
    if (s == null) {
      return null;
    }
    if (!s.referenced) {
      s.referenced = true; // only written when clear, so hot entries do not keep dirtying their cache line
    }
    return s.bytes;
  }

  /** Caches {@code chunk} under {@code h}; chunks over an eighth of the budget are not cached. */
  public void put(Hash h, byte[] chunk) {
    if (chunk.length + ENTRY_OVERHEAD > capacityBytes / 8) {
      return; // also covers a zero budget; one huge chunk must not flush the whole cache
    }
    Slot slot = new Slot(h, chunk);
    if (map.putIfAbsent(h, slot) != null) {
      return;
    }
    evictionLock.lock();
    try {
      clock.addLast(slot);
      weight += slot.weight();
      while (weight > capacityBytes) {
        Slot head = clock.pollFirst();
        if (head.referenced && !head.removed) {
          head.referenced = false;
          clock.addLast(head);
        } else {
          map.remove(head.hash, head);
          weight -= head.weight();
        }
      }
    } finally {
      evictionLock.unlock();
    }
  }

  /**
   * Drops {@code h} from the cache (after the chunk was deleted). Its weight is released when the clock
   * hand next reaches the slot.
   */
  public void remove(Hash h) {
    Slot s = map.remove(h);
    if (s != null) {
      s.removed = true;
    }
  }

  public boolean contains(Hash h) {
    return map.containsKey(h);
  }

  /** Bytes currently accounted to cached chunks. */
  public long weightBytes() {
    evictionLock.lock();
    try {
      return weight;
    } finally {
      evictionLock.unlock();
    }
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public void clear() {
    evictionLock.lock();
    try {
      map.clear();
      clock.clear();
      weight = 0;
    } finally {
      evictionLock.unlock();
    }
  }
}
