package dev.scion.storage.gc;

import dev.scion.storage.Hash;

/**
 * Finds the chunks one chunk refers to. A walker must report every child (a missed child is freed while
 * still referenced); reporting extra addresses only keeps garbage a little longer, and addresses of
 * chunks that do not exist are ignored.
 */
@FunctionalInterface
public interface ChunkWalker {
  /**
   * @param address the chunk's address
   * @param chunk its bytes (read-only)
   * @param out receives each child address with its kind
   */
  void children(Hash address, byte[] chunk, ChildSink out);
}
