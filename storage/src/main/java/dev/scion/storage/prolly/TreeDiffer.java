package dev.scion.storage.prolly;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the differences between two trees in key order, skipping every pair of identical subtrees.
 *
 * <p>Each side is a {@link Frontier}: the not-yet-visited rest of its tree as a stack of partly visited
 * nodes, whose head is either a whole child subtree or a leaf entry. Heads are only compared once both
 * sides have consumed exactly the entries before them, so two subtree heads with the same address hold
 * the same remaining entries and are skipped together. Otherwise the taller subtree is opened; entries are
 * merged like two sorted lists. The work done follows the size of the change, not of the maps.
 */
final class TreeDiffer implements Iterator<DiffEntry> {
  private final Frontier from;
  private final Frontier to;
  private DiffEntry next;
  private boolean done;

  TreeDiffer(NodeLoader fromLoader, Node fromRoot, NodeLoader toLoader, Node toRoot, boolean sameRoot) {
    this.from = new Frontier(fromLoader, fromRoot);
    this.to = new Frontier(toLoader, toRoot);
    this.done = sameRoot;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public DiffEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DiffEntry e = next;
    next = null;
    return e;
  }

  private DiffEntry computeNext() {
    while (true) {
      int fl = from.headLevel();
      int tl = to.headLevel();
      if (fl == Frontier.END && tl == Frontier.END) {
        return null;
      }
      if (fl >= 0 && fl == tl && from.headSameSubtree(to)) {
        from.skip();
        to.skip();
        continue;
      }
      if (fl >= 0 || tl >= 0) {
        if (fl >= tl) {
          from.expand();
        } else {
          to.expand();
        }
        continue;
      }
      // Both heads are entries, or one side is exhausted.
      if (fl == Frontier.END) {
        DiffEntry e = new DiffEntry(to.key(), null, to.value());
        to.skip();
        return e;
      }
      if (tl == Frontier.END) {
        DiffEntry e = new DiffEntry(from.key(), from.value(), null);
        from.skip();
        return e;
      }
      int c = from.compareKeyWith(to);
      if (c < 0) {
        DiffEntry e = new DiffEntry(from.key(), from.value(), null);
        from.skip();
        return e;
      }
      if (c > 0) {
        DiffEntry e = new DiffEntry(to.key(), null, to.value());
        to.skip();
        return e;
      }
      DiffEntry e = from.valueEqualsWith(to) ? null : new DiffEntry(from.key(), from.value(), to.value());
      from.skip();
      to.skip();
      if (e != null) {
        return e;
      }
    }
  }

  /** The unvisited remainder of one tree. */
  static final class Frontier {
    static final int END = -2;
    static final int ENTRY = -1;

    private final NodeLoader loader;
    private final Node[] nodes = new Node[Node.MAX_LEVEL + 2];
    private final int[] idx = new int[Node.MAX_LEVEL + 2];
    private int top = -1;

    Frontier(NodeLoader loader, Node root) {
      this.loader = loader;
      push(root);
    }

    private void push(Node n) {
      top++;
      nodes[top] = n;
      idx[top] = 0;
      settle();
    }

    /** Drops exhausted nodes, advancing their parents. */
    private void settle() {
      while (top >= 0 && idx[top] >= nodes[top].n) {
        nodes[top] = null;
        top--;
        if (top >= 0) {
          idx[top]++;
        }
      }
    }

    /** END, ENTRY, or the level of the subtree at the head. */
    int headLevel() {
      if (top < 0) {
        return END;
      }
      return nodes[top].level - 1;
    }

    boolean headSameSubtree(Frontier o) {
      return nodes[top].sameChild(idx[top], o.nodes[o.top], o.idx[o.top]);
    }

    void skip() {
      idx[top]++;
      settle();
    }

    void expand() {
      push(loader.load(nodes[top].child(idx[top])));
    }

    byte[] key() {
      return nodes[top].key(idx[top]);
    }

    byte[] value() {
      return nodes[top].value(idx[top]);
    }

    int compareKeyWith(Frontier o) {
      return nodes[top].compareKey(idx[top], o.nodes[o.top], o.idx[o.top]);
    }

    boolean valueEqualsWith(Frontier o) {
      return nodes[top].valueEquals(idx[top], o.nodes[o.top], o.idx[o.top]);
    }
  }
}
