package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A session- or transaction-local write buffer over a base reader: new chunks stay in memory until the
 * owner hands {@link #pending()} to {@link RocksChunkStore#commit} (or drops them with {@link #clear()}).
 *
 * <p>Not thread-safe: one buffer belongs to one session.
 */
public final class ChunkBuffer implements ChunkStore {
  private final ChunkReader base;
  private final Map<Hash, byte[]> pending = new HashMap<>();
  private long pendingBytes;
  private long reads;
  /** Set by {@link #supersede}: some pending chunks may be reached by nothing the owner will commit. */
  private boolean superseded;

  public ChunkBuffer(ChunkReader base) {
    this.base = java.util.Objects.requireNonNull(base, "base");
  }

  public ChunkReader base() {
    return base;
  }

  @Override
  public Hash put(byte[] chunk) {
    Hash h = Hash.of(chunk);
    if (pending.putIfAbsent(h, chunk) == null) {
      pendingBytes += chunk.length;
    }
    return h;
  }

  /**
   * Adds chunks already addressed by their hashes (another buffer's {@link #pending()}) without hashing them
   * again; a group commit gathers several transactions' chunks this way.
   */
  public void putAll(Map<Hash, byte[]> chunks) {
    for (Map.Entry<Hash, byte[]> e : chunks.entrySet()) {
      if (pending.putIfAbsent(e.getKey(), e.getValue()) == null) {
        pendingBytes += e.getValue().length;
      }
    }
  }

  @Override
  public byte[] get(Hash h) {
    reads++;
    byte[] b = pending.get(h);
    return b != null ? b : base.get(h);
  }

  /** How many chunks were read through this buffer (pending or stored): an operation count for regression checks. */
  public long reads() {
    return reads;
  }

  @Override
  public boolean has(Hash h) {
    return pending.containsKey(h) || base.has(h);
  }

  /** The chunks written since the last clear, as a read-only live view. */
  public Map<Hash, byte[]> pending() {
    return Collections.unmodifiableMap(pending);
  }

  /** Number of pending chunks. */
  public int size() {
    return pending.size();
  }

  /** Total bytes of pending chunks. */
  public long pendingBytes() {
    return pendingBytes;
  }

  /**
   * Notes that some pending chunks may be reached by nothing the owner will commit: a later statement of the
   * transaction replaced the root they were written for (its header, its table map node and the tree paths a later
   * statement rewrote again). A commit of such a buffer writes only what its new root reaches instead of every
   * pending chunk; a buffer never superseded holds exactly one root's new chunks, all of them reachable.
   */
  public void supersede() {
    superseded = true;
  }

  /** True once {@link #supersede} was called (until {@link #clear}). */
  public boolean holdsSuperseded() {
    return superseded;
  }

  /** Forgets every pending chunk (after a commit, or to roll back). */
  public void clear() {
    pending.clear();
    pendingBytes = 0;
    superseded = false;
  }
}
