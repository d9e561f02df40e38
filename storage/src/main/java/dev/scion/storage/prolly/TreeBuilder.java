package dev.scion.storage.prolly;

import dev.scion.storage.chunk.ChunkStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a tree bottom-up from a left-to-right stream of leaf entries, one {@link LevelBuilder} per level:
 * a node ending at one level becomes an entry of the level above. Used by bulk build and by edits; an
 * edit may also pass whole unchanged subtrees through, which is equivalent to re-adding their entries when
 * every level up to theirs is at a node boundary.
 */
final class TreeBuilder {
  /** The builder of one level plus what the root choice needs to know about that level. */
  private static final class Level {
    final LevelBuilder builder;
    /** Nodes completed at this level so far (emitted or passed through). */
    long completed;
    /** Known to have at least two nodes because a subtree above it was passed through. */
    boolean many;
    /** The most recently completed node: a ref, or (to avoid allocating per passed node) child lastIndex of lastParent. */
    NodeRef last;
    Node lastParent;
    int lastIndex;

    NodeRef last() {
      return last != null ? last : lastParent.childRef(lastIndex);
    }

    Level(int level) {
      builder = LevelBuilderPool.take(level);
    }
  }

  private final ChunkStore out;
  private final NodeLoader reader;
  private final List<Level> levels = new ArrayList<>();

  /**
   * @param out where new nodes are written
   * @param reader reads any node that may be passed through or written (to trim the root)
   */
  TreeBuilder(ChunkStore out, NodeLoader reader) {
    this.out = out;
    this.reader = reader;
  }

  private Level level(int l) {
    while (levels.size() <= l) {
      levels.add(new Level(levels.size()));
    }
    return levels.get(l);
  }

  void addLeaf(byte[] k, int koff, int klen, byte[] v, int voff, int vlen) {
    if (level(0).builder.addLeaf(k, koff, klen, v, voff, vlen)) {
      emit(0);
    }
  }

  /** Copies entry i of a leaf. */
  void addLeaf(Node leaf, int i) {
    int ks = leaf.keyStart(i);
    int vs = leaf.valueStart(i);
    addLeaf(leaf.b, ks, leaf.keyEnd(i) - ks, leaf.b, vs, leaf.valueEnd(i) - vs);
  }

  /**
   * Copies entries [from, to) of {@code leaf}, ending nodes where the boundary rule says, exactly as
   * {@link #addLeaf(Node, int)} for each would; runs of entries between two node ends are decided in one loop over
   * the old leaf's offsets and copied in one piece.
   */
  void addLeaves(Node leaf, int from, int to) {
    LevelBuilder builder = level(0).builder;
    while (from < to) {
      int ending = builder.firstEndingLeaf(leaf, from, to);
      int end = Math.min(ending + 1, to);
      builder.appendLeaves(leaf, from, end);
      from = end;
      if (ending < to) {
        emit(0);
      }
    }
  }

  /**
   * Copies entries [0, count) of {@code leaf} when they start a node of the new tree as they started {@code leaf}
   * (the leaf level is empty), and {@code count} is less than the leaf's entry count: none of them ended the old
   * leaf, and the boundary rule reads only the entries since the node's start, so none ends a node here either.
   */
  void addLeafPrefix(Node leaf, int count) {
    if (count >= leaf.n) {
      throw new IllegalArgumentException("the leaf's last entry may end it: " + count + " of " + leaf.n);
    }
    level(0).builder.addLeafPrefix(leaf, count);
  }

  /** True if no level at or below {@code l} holds a partial node. */
  boolean isEmptyUpTo(int l) {
    for (int i = Math.min(l, levels.size() - 1); i >= 0; i--) {
      if (!levels.get(i).builder.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reuses child {@code i} of {@code parent} as a whole node of the new tree. Only valid when
   * {@link #isEmptyUpTo} its level: then re-adding its entries would rebuild exactly it.
   */
  void passChild(Node parent, int i) {
    int l = parent.level - 1;
    Level level = level(l);
    level.completed++;
    level.last = null;
    level.lastParent = parent;
    level.lastIndex = i;
    for (int below = 0; below < l; below++) {
      levels.get(below).many = true;
    }
    int ks = parent.keyStart(i);
    if (level(l + 1).builder.addChild(parent.b, ks, parent.keyEnd(i) - ks, parent.b, parent.childOffset(i),
        parent.childCount(i))) {
      emit(l + 1);
    }
  }

  /**
   * True if the node being built at {@code node}'s level holds what {@code node} holds before entry i (as many
   * entries and bytes) and no level below holds a partial node: then the boundary rule decides on node's entries
   * from i on exactly as it did when node was built.
   */
  boolean alignedWith(Node node, int i) {
    return isEmptyUpTo(node.level - 1) && level(node.level).builder.holdsPrefixOf(node, i);
  }

  /**
   * Reuses children [from, to) of {@code parent} as whole nodes, {@code to} less than its child count, when
   * {@link #alignedWith} the parent at {@code from}: as {@link #passChild} for each, and the parent's level takes
   * their summaries without asking the boundary rule, which ended the old parent at none of them.
   */
  void passChildren(Node parent, int from, int to) {
    if (from >= to || to >= parent.n) {
      throw new IllegalArgumentException("the node's last child may end it: " + from + ".." + to + " of " + parent.n);
    }
    int l = parent.level - 1;
    Level level = level(l);
    level.completed += to - from;
    level.last = null;
    level.lastParent = parent;
    level.lastIndex = to - 1;
    for (int below = 0; below < l; below++) {
      levels.get(below).many = true;
    }
    level(l + 1).builder.addChildRun(parent, from, to);
  }

  private void emit(int l) {
    NodeRef ref = levels.get(l).builder.emit(out);
    completed(l, ref);
    if (level(l + 1).builder.addChild(ref)) {
      emit(l + 1);
    }
  }

  private void completed(int l, NodeRef ref) {
    Level level = level(l);
    level.completed++;
    level.last = ref;
    level.lastParent = null;
  }

  /**
   * Ends the stream: closes the partial node of each level bottom-up, and returns the root: the only node
   * of the lowest level that has one node (an empty leaf if there were no entries at all).
   */
  NodeRef finish() {
    try {
      return closeLevels();
    } finally {
      for (Level level : levels) {
        LevelBuilderPool.give(level.builder);
      }
      levels.clear();
    }
  }

  private NodeRef closeLevels() {
    for (int l = 0; ; l++) {
      Level level = level(l);
      if (!level.builder.isEmpty()) {
        emit(l);
      }
      boolean several = level.many || level.completed >= 2;
      if (!several && level.completed == 1) {
        return trimSingleChildRoot(level.last());
      }
      if (!several) {
        if (l == 0) {
          return level.builder.emit(out); // no entries: the empty map is one empty leaf
        }
        throw new IllegalStateException("tree builder lost level " + l);
      }
    }
  }

  /**
   * A subtree passed through whole may have one child (the rightmost node of a level can); the canonical
   * root is then that child, as a build from scratch would have stopped there.
   */
  private NodeRef trimSingleChildRoot(NodeRef root) {
    while (root.level() > 0) {
      Node node = reader.load(root.address());
      if (node.n != 1) {
        break;
      }
      root = node.childRef(0);
    }
    return root;
  }
}
