package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.blob.BlobTree;

/** Walks blob trees: an internal node's children are blob nodes; leaves have none. */
final class BlobNodeWalker implements ChunkWalker {
  static final BlobNodeWalker INSTANCE = new BlobNodeWalker();

  @Override
  public void children(Hash address, byte[] chunk, ChildSink out) {
    BlobTree.forEachChild(address, chunk, h -> out.child(h, ChunkKind.BLOB_NODE));
  }
}
