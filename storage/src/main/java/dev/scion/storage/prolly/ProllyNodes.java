package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import java.util.function.Consumer;

/** Read access to serialized nodes for tools that walk chunks without opening a map (garbage collection). */
public final class ProllyNodes {
  /** Receives the byte range of one leaf value inside the node's bytes. */
  @FunctionalInterface
  public interface ValueRange {
    void value(int start, int end);
  }

  private ProllyNodes() {}

  /**
   * Reports each child address of an internal node, or each value range of a leaf. Throws
   * StorageException if {@code chunk} is not a valid node.
   */
  public static void forEachReference(Hash address, byte[] chunk, Consumer<Hash> children, ValueRange values) {
    Node node = Node.parse(chunk, address);
    if (node.isLeaf()) {
      for (int i = 0; i < node.n; i++) {
        values.value(node.valueStart(i), node.valueEnd(i));
      }
    } else {
      for (int i = 0; i < node.n; i++) {
        children.accept(node.child(i));
      }
    }
  }
}
