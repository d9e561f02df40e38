package dev.scion.storage.chunk;

import dev.scion.storage.Hash;

/**
 * Reads content-addressed chunks.
 *
 * <p>Returned arrays may be shared with caches: callers must treat them as read-only.
 */
public interface ChunkReader {
  /** The chunk stored under {@code h}, or null if absent. */
  byte[] get(Hash h);

  /** True if a chunk is stored under {@code h}. */
  boolean has(Hash h);
}
