package dev.scion.storage.gc;

import dev.scion.storage.Hash;

/** Receives references to chunks, each with the kind of chunk it points at. */
@FunctionalInterface
public interface ChildSink {
  void child(Hash address, ChunkKind kind);
}
