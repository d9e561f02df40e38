package dev.scion.storage.blob;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import java.io.InputStream;
import java.util.ArrayDeque;

/** Streams a blob's bytes leaf by leaf, holding one leaf and one node per level. Not thread-safe. */
final class BlobInputStream extends InputStream {
  private record Frame(byte[] node, Hash address, int n, int[] next) {}

  private final ChunkReader in;
  private final ArrayDeque<Frame> path = new ArrayDeque<>();
  private byte[] leaf;
  private int pos;

  BlobInputStream(ChunkReader in, Hash root) {
    this.in = in;
    descend(root);
  }

  /** Loads {@code h} and walks down its leftmost path to a leaf. */
  private void descend(Hash h) {
    while (true) {
      byte[] b = BlobTree.load(in, h);
      if (b[0] == 0) {
        leaf = b;
        pos = 1;
        return;
      }
      int n = BlobTree.childCount(b, h);
      Frame f = new Frame(b, h, n, new int[] {1});
      path.push(f);
      h = Hash.fromBytes(b, 5);
    }
  }

  /** Moves to the next leaf; false at the end. */
  private boolean nextLeaf() {
    while (!path.isEmpty()) {
      Frame f = path.peek();
      int i = f.next()[0];
      if (i < f.n()) {
        f.next()[0] = i + 1;
        descend(Hash.fromBytes(f.node(), 5 + i * BlobTree.ENTRY_BYTES));
        return true;
      }
      path.pop();
    }
    leaf = null;
    return false;
  }

  @Override
  public int read() {
    while (leaf != null && pos >= leaf.length) {
      nextLeaf();
    }
    return leaf == null ? -1 : leaf[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (leaf != null && pos >= leaf.length) {
      nextLeaf();
    }
    if (leaf == null) {
      return -1;
    }
    int n = Math.min(len, leaf.length - pos);
    System.arraycopy(leaf, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return leaf == null ? 0 : leaf.length - pos;
  }
}
