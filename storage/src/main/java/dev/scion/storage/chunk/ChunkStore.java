package dev.scion.storage.chunk;

import dev.scion.storage.Hash;

/** A chunk reader that can also store chunks. */
public interface ChunkStore extends ChunkReader {
  /**
   * Stores {@code chunk} under its address and returns {@code Hash.of(chunk)}. The store keeps a reference
   * to the array: callers must not modify it afterwards.
   */
  Hash put(byte[] chunk);
}
