package dev.scion.storage.blob;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds one blob tree from a stream of bytes, bottom-up, one pending node per level. */
final class BlobWriter {
  private final ChunkStore out;
  private byte[] leaf = new byte[1 + BlobTree.MAX_LEAF];
  private int leafLen = 1; // byte 0 is the level
  private long gearHash;
  private long total;
  /** Pending entries of each internal level: level l + 1 lists nodes of level l. */
  private final List<Level> levels = new ArrayList<>();

  private static final class Level {
    final byte[] buf = new byte[5 + BlobTree.MAX_CHILDREN * BlobTree.ENTRY_BYTES];
    int n;
    long bytes;
    long emitted;
  }

  BlobWriter(ChunkStore out) {
    this.out = out;
  }

  void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte x = b[i];
      leaf[leafLen++] = x;
      gearHash = BlobTree.gear(gearHash, x);
      int size = leafLen - 1;
      if (size >= BlobTree.MAX_LEAF || (size >= BlobTree.MIN_LEAF && BlobTree.leafBoundary(gearHash))) {
        emitLeaf();
      }
    }
  }

  private void emitLeaf() {
    byte[] chunk = Arrays.copyOf(leaf, leafLen);
    long size = leafLen - 1;
    Hash h = out.put(chunk);
    leafLen = 1;
    gearHash = 0;
    total += size;
    level(1).emitted++; // counts leaves handed to level 1
    add(1, h, size);
  }

  private Level level(int l) {
    while (levels.size() < l) {
      levels.add(new Level());
    }
    return levels.get(l - 1);
  }

  /** Appends a child of {@code bytes} bytes to the pending node of level {@code l}. */
  private void add(int l, Hash child, long bytes) {
    Level lv = level(l);
    lv.bytes += bytes;
    int off = 5 + lv.n * BlobTree.ENTRY_BYTES;
    child.writeTo(lv.buf, off);
    long cum = lv.bytes;
    for (int k = 7; k >= 0; k--) {
      lv.buf[off + Hash.LENGTH + k] = (byte) cum;
      cum >>>= 8;
    }
    lv.n++;
    if (lv.n >= BlobTree.MAX_CHILDREN || (lv.n >= 2 && BlobTree.nodeBoundary(child))) {
      emitNode(l);
    }
  }

  private void emitNode(int l) {
    Level lv = level(l);
    lv.buf[0] = (byte) l;
    lv.buf[1] = (byte) (lv.n >>> 24);
    lv.buf[2] = (byte) (lv.n >>> 16);
    lv.buf[3] = (byte) (lv.n >>> 8);
    lv.buf[4] = (byte) lv.n;
    Hash h = out.put(Arrays.copyOf(lv.buf, 5 + lv.n * BlobTree.ENTRY_BYTES));
    long bytes = lv.bytes;
    lv.n = 0;
    lv.bytes = 0;
    level(l + 1).emitted++;
    add(l + 1, h, bytes);
  }

  /**
   * Ends the blob. The root is the only node of the lowest level that has exactly one: a leaf for blobs
   * of one leaf (including the empty blob), else an internal node.
   */
  BlobRef finish() {
    if (leafLen > 1 || total == 0) {
      emitLeaf();
    }
    for (int l = 1; ; l++) {
      Level lv = level(l);
      if (lv.emitted == 1 && lv.n == 1) {
        return new BlobRef(Hash.fromBytes(lv.buf, 5), total); // one child in all: it is the root
      }
      if (lv.n > 0) {
        emitNode(l);
      }
    }
  }
}
