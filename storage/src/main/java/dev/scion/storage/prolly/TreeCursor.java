package dev.scion.storage.prolly;

import java.util.NoSuchElementException;

/**
 * A cursor over one path from the root to a leaf: path[0] is the root, path[leaf] the current leaf and
 * idx[d] the position within path[d]. Moving past the end of a leaf climbs to the nearest ancestor with a
 * next child and descends again, loading only the nodes on the way.
 */
final class TreeCursor implements ProllyCursor {
  private enum State { NEW, PRIMED, ON_ENTRY, DONE }

  private final NodeLoader loader;
  private final Node[] path;
  private final int[] idx;
  private final int leaf;
  private final KeyRange range;
  private final boolean reverse;
  private State state = State.NEW;

  private TreeCursor(NodeLoader loader, Node root, KeyRange range, boolean reverse) {
    this.loader = loader;
    this.path = new Node[root.level + 1];
    this.idx = new int[root.level + 1];
    this.leaf = root.level;
    this.path[0] = root;
    this.range = range;
    this.reverse = reverse;
  }

  static TreeCursor range(NodeLoader loader, Node root, KeyRange range, boolean reverse) {
    return new TreeCursor(loader, root, range == null ? KeyRange.ALL : range, reverse);
  }

  /** A forward cursor whose first entry is the one at {@code ordinal} (none if past the end). */
  static TreeCursor atOrdinal(NodeLoader loader, Node root, long ordinal) {
    TreeCursor c = new TreeCursor(loader, root, KeyRange.ALL, false);
    if (ordinal < 0 || ordinal >= root.totalCount()) {
      c.state = State.DONE;
      return c;
    }
    long rest = ordinal;
    for (int d = 0; d < c.leaf; d++) {
      Node node = c.path[d];
      int i = node.childForOrdinal(rest);
      if (i > 0) {
        rest -= node.cumulativeCount(i - 1);
      }
      c.idx[d] = i;
      c.path[d + 1] = loader.load(node.child(i));
    }
    c.idx[c.leaf] = (int) rest;
    c.state = State.PRIMED;
    return c;
  }

  @Override
  public boolean next() {
    switch (state) {
      case DONE:
        return false;
      case NEW:
        if (!(reverse ? seekLast() : seekFirst())) {
          return finish();
        }
        break;
      case PRIMED:
        break;
      case ON_ENTRY:
        if (!(reverse ? stepBack() : stepForward())) {
          return finish();
        }
        break;
    }
    if (pastFarBound()) {
      return finish();
    }
    state = State.ON_ENTRY;
    return true;
  }

  private boolean finish() {
    state = State.DONE;
    return false;
  }

  private Node leafNode() {
    return path[leaf];
  }

  @Override
  public byte[] key() {
    checkOnEntry();
    return leafNode().key(idx[leaf]);
  }

  @Override
  public byte[] value() {
    checkOnEntry();
    return leafNode().value(idx[leaf]);
  }

  @Override
  public Object[] decodeValue(dev.scion.storage.tuple.TupleDescriptor descriptor, boolean[] wanted) {
    checkOnEntry();
    Node node = leafNode();
    int i = idx[leaf];
    int start = node.valueStart(i);
    return descriptor.decodeWantedFields(node.b, start, node.valueEnd(i) - start, wanted);
  }

  private void checkOnEntry() {
    if (state != State.ON_ENTRY) {
      throw new NoSuchElementException("cursor is not on an entry");
    }
  }

  /** Positions on the first entry not below the start bound; false if none. */
  private boolean seekFirst() {
    byte[] start = range.start();
    for (int d = 0; d < leaf; d++) {
      Node node = path[d];
      int i = start == null ? 0 : node.lowerBound(start); // first child whose last key >= start
      if (i == node.n) {
        return false;
      }
      idx[d] = i;
      path[d + 1] = loader.load(node.child(i));
    }
    Node l = leafNode();
    if (l.n == 0) {
      return false;
    }
    int i = start == null ? 0 : l.lowerBound(start);
    if (start != null && !range.startInclusive() && i < l.n && l.compareKey(i, start) == 0) {
      i++;
    }
    if (i < l.n) {
      idx[leaf] = i;
      return true;
    }
    idx[leaf] = l.n - 1;
    return stepForward();
  }

  /** Positions on the last entry not above the end bound; false if none. */
  private boolean seekLast() {
    byte[] end = range.end();
    for (int d = 0; d < leaf; d++) {
      Node node = path[d];
      int i = end == null ? node.n - 1 : Math.min(node.lowerBound(end), node.n - 1);
      idx[d] = i;
      path[d + 1] = loader.load(node.child(i));
    }
    Node l = leafNode();
    if (l.n == 0) {
      return false;
    }
    int i;
    if (end == null) {
      i = l.n - 1;
    } else {
      int j = l.lowerBound(end);
      i = j < l.n && range.endInclusive() && l.compareKey(j, end) == 0 ? j : j - 1;
    }
    if (i >= 0) {
      idx[leaf] = i;
      return true;
    }
    idx[leaf] = 0;
    return stepBack();
  }

  private boolean stepForward() {
    int d = leaf;
    idx[d]++;
    while (idx[d] >= path[d].n) {
      if (d == 0) {
        return false;
      }
      d--;
      idx[d]++;
    }
    while (d < leaf) {
      path[d + 1] = loader.load(path[d].child(idx[d]));
      d++;
      idx[d] = 0;
    }
    return true;
  }

  private boolean stepBack() {
    int d = leaf;
    idx[d]--;
    while (idx[d] < 0) {
      if (d == 0) {
        return false;
      }
      d--;
      idx[d]--;
    }
    while (d < leaf) {
      path[d + 1] = loader.load(path[d].child(idx[d]));
      d++;
      idx[d] = path[d].n - 1;
    }
    return true;
  }

  /** The leaf {@link #farLimit} was found in, or null before the first check. */
  private Node limitLeaf;
  /**
   * In {@link #limitLeaf}, moving forward: the index of its first entry beyond the far bound ({@code n} if none);
   * moving back: the index of its first entry within it. One binary search per leaf instead of a key comparison per
   * step: a 100-row range compares about a dozen keys, not a hundred.
   */
  private int farLimit;

  /** True if the current entry is beyond the bound the cursor is moving towards. */
  private boolean pastFarBound() {
    byte[] bound = reverse ? range.start() : range.end();
    if (bound == null) {
      return false;
    }
    Node l = leafNode();
    if (l != limitLeaf) {
      int j = l.lowerBound(bound); // entries before j are below the bound, those from j on at or above it
      boolean inclusive = reverse ? range.startInclusive() : range.endInclusive();
      if (j < l.n && (reverse ? !inclusive : inclusive) && l.compareKey(j, bound) == 0) {
        j++; // the entry equal to the bound: within it going forward when inclusive, beyond it going back when not
      }
      limitLeaf = l;
      farLimit = j;
    }
    return reverse ? idx[leaf] < farLimit : idx[leaf] >= farLimit;
  }
}
