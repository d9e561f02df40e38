package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe chunk store held entirely in memory: for tests and scratch work. */
public final class MemoryChunkStore implements ChunkStore {
  private final ConcurrentHashMap<Hash, byte[]> chunks = new ConcurrentHashMap<>();

  @Override
  public Hash put(byte[] chunk) {
    Hash h = Hash.of(chunk);
    chunks.putIfAbsent(h, chunk);
    return h;
  }

  @Override
  public byte[] get(Hash h) {
    return chunks.get(h);
  }

  @Override
  public boolean has(Hash h) {
    return chunks.containsKey(h);
  }

  public int size() {
    return chunks.size();
  }
}
