package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.MissingChunkException;

/** Reads nodes from a chunk reader, failing clearly on a missing chunk. */
final class NodeLoader {
  final ChunkReader store;

  NodeLoader(ChunkReader store) {
    this.store = store;
  }

  Node load(Hash address) {
    byte[] b = store.get(address);
    if (b == null) {
      throw new MissingChunkException(address);
    }
    return Node.parse(b, address);
  }
}
