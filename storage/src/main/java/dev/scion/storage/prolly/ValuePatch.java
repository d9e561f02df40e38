package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies edits that only replace present keys' values with values of the same length (an UPDATE of fixed-width
 * columns, the usual one-row write) by copying each node on the edited paths and overwriting bytes in place.
 *
 * <p>The result is exactly the tree {@link TreeEditor} builds: the boundary rule decides from each entry's key
 * hash, the node's size before and after the entry and the entry count. Same keys and same value lengths keep
 * every leaf entry's size, and an internal entry's size (last key, child address, count) does not depend on the
 * child's address, so every node keeps its entries and only bytes change: a leaf's values, and in each ancestor
 * the changed child's address. What this skips is re-hashing every key of the rewritten nodes to place
 * boundaries and re-serializing the nodes entry by entry.
 */
final class ValuePatch {
  static final LongAdder APPLIED = new LongAdder();
  /** Edits looked up to tell whether they are same-length replacements (see {@link ProllyMap#editLookups}). */
  static final LongAdder PROBES = new LongAdder();

  private final NodeLoader source;
  private final MapEdits edits;
  private final ChunkStore out;

  private ValuePatch(NodeLoader source, MapEdits edits, ChunkStore out) {
    this.source = source;
    this.edits = edits;
    this.out = out;
  }

  /**
   * The new root address when every edit replaces a present key's value with one of the same length (some may
   * be the value already there); null when some edit inserts, deletes or changes a value's length.
   */
  static Hash tryApply(Hash rootAddress, Node root, NodeLoader source, MapEdits edits, ChunkStore out) {
    for (int e = 0; e < edits.size(); e++) {
      PROBES.increment();
      if (!replacesSameLength(root, source, edits.key(e), edits.value(e))) {
        return null;
      }
    }
    return apply(rootAddress, root, source, edits, out);
  }

  /**
   * The new root address for edits the caller knows to be same-length replacements of present values
   * ({@link MapEdits#knownToChange}); throws {@link IllegalStateException} at an edit that is not.
   */
  static Hash apply(Hash rootAddress, Node root, NodeLoader source, MapEdits edits, ChunkStore out) {
    APPLIED.increment();
    return new ValuePatch(source, edits, out).patch(rootAddress, root, 0, edits.size());
  }

  private static boolean replacesSameLength(Node node, NodeLoader source, byte[] key, byte[] value) {
    if (value == null) {
      return false;
    }
    while (!node.isLeaf()) {
      int i = node.lowerBound(key);
      if (i == node.n) {
        return false; // beyond every key: an insert
      }
      node = source.load(node.child(i));
    }
    int i = node.find(key);
    return i >= 0 && node.valueEnd(i) - node.valueStart(i) == value.length;
  }

  /** The address of {@code node} with edits [from, to) applied: its own when none of them changes a byte. */
  private Hash patch(Hash address, Node node, int from, int to) {
    byte[] copy = null;
    if (node.isLeaf()) {
      for (int e = from; e < to; e++) {
        int i = node.find(edits.key(e));
        byte[] value = edits.value(e);
        if (i < 0 || value == null || node.valueEnd(i) - node.valueStart(i) != value.length) {
          throw new IllegalStateException("an edit declared a same-length replacement is not one");
        }
        if (!node.valueEquals(i, value)) {
          copy = copy != null ? copy : node.b.clone();
          System.arraycopy(value, 0, copy, node.valueStart(i), value.length);
        }
      }
    } else {
      int e = from;
      for (int i = 0; i < node.n && e < to; i++) {
        // child i holds the keys up to its last key (every edit's key is at most the node's last key)
        int end = e;
        while (end < to && node.compareKey(i, edits.key(end)) >= 0) {
          end++;
        }
        if (end > e) {
          Hash child = node.child(i);
          Hash patched = patch(child, source.load(child), e, end);
          if (!patched.equals(child)) {
            copy = copy != null ? copy : node.b.clone();
            patched.writeTo(copy, node.childOffset(i));
          }
        }
        e = end;
      }
      if (e < to) {
        throw new IllegalStateException("an edit declared a same-length replacement is an insert");
      }
    }
    return copy == null ? address : out.put(copy);
  }
}
