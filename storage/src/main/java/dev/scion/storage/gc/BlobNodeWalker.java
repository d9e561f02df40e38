package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.blob.BlobTree;

/**
 * Walks blob trees: an internal node's children are blob nodes; leaves have none. Children of level-1
 * nodes are reported as {@link ChunkKind#LEAF}, so marking never reads the blob's data itself.
 */
final class BlobNodeWalker implements ChunkWalker {
  static final BlobNodeWalker INSTANCE = new BlobNodeWalker();

  @Override
  public void children(Hash address, byte[] chunk, ChildSink out) {
    ChunkKind childKind = chunk.length > 0 && chunk[0] == 1 ? ChunkKind.LEAF : ChunkKind.BLOB_NODE;
    BlobTree.forEachChild(address, chunk, h -> out.child(h, childKind));
  }
}
