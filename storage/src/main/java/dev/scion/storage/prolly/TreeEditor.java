package dev.scion.storage.prolly;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies a sorted batch of edits to a tree in one left-to-right pass, producing exactly the tree a build
 * from scratch would give for the resulting entries while reusing every node it can.
 *
 * <p>Walks the old tree depth-first, visiting only subtrees that contain edits or that lie where the new
 * tree's node boundaries have not yet realigned with the old ones. A subtree with no edits is reused
 * whole whenever every level up to its own is at a node boundary ({@link TreeBuilder#isEmptyUpTo}): the
 * boundary rule depends only on the entries since the last boundary, so re-chunking its entries from there
 * would reproduce it exactly. Otherwise its entries are streamed into the builder until the levels
 * resynchronise. A one-row change thus rewrites one node per level.
 */
final class TreeEditor {
  /**
   * Old leaf entries copied in one piece before a leaf's first edit, and old leaf entries re-added one by one
   * through the boundary rule (operation counts for tests).
   */
  static final LongAdder LEAF_ENTRIES_CARRIED = new LongAdder();
  static final LongAdder LEAF_ENTRIES_READDED = new LongAdder();
  /** Unedited children of internal nodes passed through in one piece, without the boundary rule. */
  static final LongAdder CHILDREN_CARRIED = new LongAdder();
  /** Edits looked up to tell whether they change the tree (see {@link ProllyMap#editLookups}). */
  static final LongAdder EFFECT_LOOKUPS = new LongAdder();

  private final NodeLoader source;
  private final TreeBuilder builder;
  private final MapEdits edits;
  /** Per edit: whether it changes the old tree (UNKNOWN until looked up). */
  private final byte[] effect;
  private static final byte UNKNOWN = 0;
  private static final byte CHANGES = 1;
  private static final byte NO_OP = 2;

  TreeEditor(NodeLoader source, TreeBuilder builder, MapEdits edits) {
    this.source = source;
    this.builder = builder;
    this.edits = edits;
    this.effect = new byte[edits.size()];
    if (edits.changesKnown()) {
      Arrays.fill(effect, CHANGES); // the caller compared every edit with this tree
    }
  }

  /** The new tree's root, or null if no edit changes anything (then nothing is written). */
  NodeRef apply(Node root) {
    if (!anyEffective(root, 0, edits.size())) {
      return null;
    }
    process(root, 0, edits.size());
    return builder.finish();
  }

  /** Re-emits {@code node}'s subtree with edits [from, to) applied (all of which fall in its key range). */
  private void process(Node node, int from, int to) {
    if (node.isLeaf()) {
      mergeLeaf(node, from, to);
      return;
    }
    int childLevel = node.level - 1;
    int e = from;
    boolean mayBeAligned = true;
    for (int i = 0; i < node.n; i++) {
      if (mayBeAligned) {
        i = carryChildren(node, i, e, to);
        mayBeAligned = false;
      }
      // Child i owns keys up to its last key; the last child also owns everything beyond.
      int end = i == node.n - 1 ? to : upperBound(e, to, node, i);
      boolean atBoundary = builder.isEmptyUpTo(childLevel);
      if (e == end && atBoundary) {
        builder.passChild(node, i);
      } else {
        Node child = source.load(node.child(i));
        if (atBoundary && !anyEffective(child, e, end)) {
          builder.passChild(node, i); // every edit here is a no-op: keep the subtree (and its ancestors)
        } else {
          process(child, e, end);
          mayBeAligned = true; // e.g. the child was rebuilt as one node with the same last key
        }
      }
      e = end;
    }
  }

  /**
   * When the new tree's node at this level holds exactly what {@code node} holds before child i (the same number
   * of entries and bytes, nothing pending below), the boundary rule will decide on the following children as it
   * did in {@code node}, where none but the last ended it: passes children i up to the next edited one (never the
   * last) through in one piece, and returns the index of the first child it did not pass.
   */
  private int carryChildren(Node node, int i, int e, int to) {
    if (i >= node.n - 1 || !builder.alignedWith(node, i)) {
      return i;
    }
    int next = e == to ? node.n - 1 : Math.min(node.lowerBound(edits.key(e), i), node.n - 1);
    if (next > i) {
      builder.passChildren(node, i, next);
      CHILDREN_CARRIED.add(next - i);
    }
    return next;
  }

  /** First edit index in [from, to) whose key is after key i of {@code node}. */
  private int upperBound(int from, int to, Node node, int i) {
    int e = from;
    while (e < to && node.compareKey(i, edits.key(e)) >= 0) {
      e++;
    }
    return e;
  }

  /** Streams a leaf's entries merged with edits [from, to) into the builder. */
  private void mergeLeaf(Node leaf, int from, int to) {
    int i = carryPrefix(leaf, from, to);
    int readded = 0;
    for (int e = from; e < to; e++) {
      byte[] key = edits.key(e);
      int at = leaf.lowerBound(key, i);
      readded += at - i;
      builder.addLeaves(leaf, i, at);
      i = at;
      if (i < leaf.n && leaf.compareKey(i, key) == 0) {
        i++; // replaced or deleted
      }
      byte[] value = edits.value(e);
      if (value != null) {
        builder.addLeaf(key, 0, key.length, value, 0, value.length);
      }
    }
    readded += leaf.n - i;
    builder.addLeaves(leaf, i, leaf.n);
    LEAF_ENTRIES_READDED.add(readded);
  }

  /**
   * When the leaf starts a node of the new tree as it started its own, copies its entries before the first
   * edit in one piece (all but the last entry, which may be what ended the leaf); returns how many it copied.
   */
  private int carryPrefix(Node leaf, int from, int to) {
    if (from == to || leaf.n < 2 || !builder.isEmptyUpTo(0)) {
      return 0;
    }
    int count = Math.min(leaf.lowerBound(edits.key(from)), leaf.n - 1);
    if (count > 0) {
      builder.addLeafPrefix(leaf, count);
      LEAF_ENTRIES_CARRIED.add(count);
    }
    return count;
  }

  /**
   * True if some edit in [from, to) changes the subtree under {@code node} (a put of a new key or value, or
   * a delete of a present key). Stops at the first such edit, and remembers each answer, so the usual case
   * (edits that do change something) costs one lookup per visited subtree.
   */
  private boolean anyEffective(Node node, int from, int to) {
    for (int e = from; e < to; e++) {
      if (effect[e] == UNKNOWN) {
        effect[e] = changes(node, e) ? CHANGES : NO_OP;
      }
      if (effect[e] == CHANGES) {
        return true;
      }
    }
    return false;
  }

  private boolean changes(Node node, int e) {
    EFFECT_LOOKUPS.increment();
    byte[] key = edits.key(e);
    while (!node.isLeaf()) {
      int i = node.lowerBound(key);
      if (i == node.n) {
        return edits.value(e) != null; // beyond every key: absent
      }
      node = source.load(node.child(i));
    }
    int i = node.find(key);
    byte[] value = edits.value(e);
    return value == null ? i >= 0 : i < 0 || !node.valueEquals(i, value);
  }
}
