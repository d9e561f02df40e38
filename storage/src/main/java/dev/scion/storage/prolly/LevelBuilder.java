package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Accumulates the entries of the node being built at one tree level, tells its caller where the boundary
 * rule ends the node, and serializes it. Entries are copied into reusable buffers: no object per entry.
 */
final class LevelBuilder {
  /** Payload bytes an entry adds besides its key and value: leaf = two offsets; internal = offset + child. */
  private static final int LEAF_OVERHEAD = 8;
  private static final int INTERNAL_OVERHEAD = 4 + Node.CHILD_BYTES;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  final int level;
  private final long seed;
  // Buffers start small and double: an edit creates a builder per level but often fills only one node.
  private byte[] keys = new byte[256];
  private int keysLen;
  private int[] keyEnds = new int[32];
  /** Leaf: value bytes. Internal: child table (address + cumulative count per child). */
  private byte[] second = new byte[1024];
  private int secondLen;
  private int[] valueEnds;
  private int n;
  private int size;
  private long subtreeCount;

  LevelBuilder(int level) {
    this.level = level;
    this.seed = KeyHash.levelSeed(level);
    this.valueEnds = level == 0 ? new int[32] : null;
  }

  boolean isEmpty() {
    return n == 0;
  }

  /** Bytes held by the buffers (to decide whether a builder is worth keeping for reuse). */
  int capacityBytes() {
    return keys.length + second.length + 4 * keyEnds.length + (valueEnds == null ? 0 : 4 * valueEnds.length);
  }

  /** Drops pending entries so the builder can be reused for another tree. */
  void reset() {
    n = 0;
    keysLen = 0;
    secondLen = 0;
    size = 0;
    subtreeCount = 0;
  }

  /** Adds a leaf entry; true if the node ends after it. */
  boolean addLeaf(byte[] k, int koff, int klen, byte[] v, int voff, int vlen) {
    growTables();
    keys = ensure(keys, keysLen, klen);
    System.arraycopy(k, koff, keys, keysLen, klen);
    keysLen += klen;
    keyEnds[n] = keysLen;
    second = ensure(second, secondLen, vlen);
    System.arraycopy(v, voff, second, secondLen, vlen);
    secondLen += vlen;
    valueEnds[n] = secondLen;
    n++;
    subtreeCount++;
    return boundaryAfter(k, koff, klen, klen + vlen + LEAF_OVERHEAD);
  }

  /**
   * Copies leaf entries [0, count) of {@code leaf} into this empty leaf builder without asking the boundary rule:
   * the caller knows none of them ends a node (see {@link TreeBuilder#addLeafPrefix}). Two array copies and the
   * offset tables, where adding them one by one copies, hashes and decides per entry.
   */
  void addLeafPrefix(Node leaf, int count) {
    if (n != 0 || level != 0) {
      throw new IllegalStateException("a leaf prefix goes into an empty leaf builder");
    }
    appendLeaves(leaf, 0, count);
  }

  /**
   * The first entry of {@code leaf} in [from, to) after which the boundary rule ends this leaf node if the entries
   * from {@code from} on are added to it, or {@code to} if none does: the decisions {@link #addLeaf} would make one
   * by one, read off the old leaf's bytes without copying anything.
   */
  int firstEndingLeaf(Node leaf, int from, int to) {
    if (level != 0) {
      throw new IllegalStateException("leaf entries go to the leaf level");
    }
    int sizeSoFar = size;
    int entries = n;
    int keyStart = leaf.keyStart(from);
    int valueStart = leaf.valueStart(from);
    for (int i = from; i < to; i++) {
      int keyEnd = leaf.keyEnd(i);
      int valueEnd = leaf.valueEnd(i);
      int before = sizeSoFar;
      sizeSoFar += keyEnd - keyStart + valueEnd - valueStart + LEAF_OVERHEAD;
      entries++;
      if (BoundaryRule.splitAfter(KeyHash.hash(leaf.b, keyStart, keyEnd - keyStart, seed), before, sizeSoFar,
          entries, 0)) {
        return i;
      }
      keyStart = keyEnd;
      valueStart = valueEnd;
    }
    return to;
  }

  /**
   * Appends leaf entries [from, to) of {@code leaf} without asking the boundary rule (the caller decided them with
   * {@link #firstEndingLeaf}): two array copies, since a leaf keeps its keys and its values each in one run, and
   * the offset tables.
   */
  void appendLeaves(Node leaf, int from, int to) {
    int count = to - from;
    if (count <= 0) {
      return;
    }
    if (keyEnds.length < n + count) {
      int length = Math.max(keyEnds.length * 2, n + count);
      keyEnds = Arrays.copyOf(keyEnds, length);
      valueEnds = Arrays.copyOf(valueEnds, length);
    }
    int keyBase = leaf.keyStart(from);
    int valueBase = leaf.valueStart(from);
    int keyBytes = leaf.keyEnd(to - 1) - keyBase;
    int valueBytes = leaf.valueEnd(to - 1) - valueBase;
    keys = ensure(keys, keysLen, keyBytes);
    System.arraycopy(leaf.b, keyBase, keys, keysLen, keyBytes);
    second = ensure(second, secondLen, valueBytes);
    System.arraycopy(leaf.b, valueBase, second, secondLen, valueBytes);
    for (int i = 0; i < count; i++) {
      keyEnds[n + i] = keysLen + leaf.keyEnd(from + i) - keyBase;
      valueEnds[n + i] = secondLen + leaf.valueEnd(from + i) - valueBase;
    }
    keysLen += keyBytes;
    secondLen += valueBytes;
    n += count;
    size += keyBytes + valueBytes + LEAF_OVERHEAD * count;
    subtreeCount += count;
  }

  /**
   * True if this internal-level builder holds as many entries and payload bytes as internal node {@code node}
   * holds before its entry i (an entry's size is its key's plus a fixed overhead).
   */
  boolean holdsPrefixOf(Node node, int i) {
    if (n != i) {
      return false;
    }
    return i == 0 ? size == 0 : size == node.keyEnd(i - 1) - node.keyStart(0) + INTERNAL_OVERHEAD * i;
  }

  /**
   * Appends child summaries [from, to) of internal node {@code parent} without asking the boundary rule (see
   * {@link TreeBuilder#passChildren}); their cumulative counts are rebased onto this node's.
   */
  void addChildRun(Node parent, int from, int to) {
    if (level != parent.level) {
      throw new IllegalStateException("children of a level-" + parent.level + " node go to that level");
    }
    int count = to - from;
    if (keyEnds.length < n + count) {
      keyEnds = Arrays.copyOf(keyEnds, Math.max(keyEnds.length * 2, n + count));
    }
    int keyBase = parent.keyStart(from);
    int keyBytes = parent.keyEnd(to - 1) - keyBase;
    keys = ensure(keys, keysLen, keyBytes);
    System.arraycopy(parent.b, keyBase, keys, keysLen, keyBytes);
    for (int i = 0; i < count; i++) {
      keyEnds[n + i] = keysLen + parent.keyEnd(from + i) - keyBase;
    }
    int childBytes = Node.CHILD_BYTES * count;
    second = ensure(second, secondLen, childBytes);
    System.arraycopy(parent.b, parent.childOffset(from), second, secondLen, childBytes);
    long rebase = subtreeCount - (from == 0 ? 0 : parent.cumulativeCount(from - 1));
    if (rebase != 0) {
      for (int i = 0; i < count; i++) {
        int at = secondLen + Node.CHILD_BYTES * i + Hash.LENGTH;
        LONG.set(second, at, (long) LONG.get(second, at) + rebase);
      }
    }
    subtreeCount = parent.cumulativeCount(to - 1) + rebase;
    keysLen += keyBytes;
    secondLen += childBytes;
    n += count;
    size += keyBytes + INTERNAL_OVERHEAD * count;
  }

  /** Adds a child summary to an internal node; true if the node ends after it. */
  boolean addChild(byte[] k, int koff, int klen, byte[] addr, int addrOff, long count) {
    growTables();
    keys = ensure(keys, keysLen, klen);
    System.arraycopy(k, koff, keys, keysLen, klen);
    keysLen += klen;
    keyEnds[n] = keysLen;
    second = ensure(second, secondLen, Node.CHILD_BYTES);
    System.arraycopy(addr, addrOff, second, secondLen, Hash.LENGTH);
    subtreeCount += count;
    LONG.set(second, secondLen + Hash.LENGTH, subtreeCount);
    secondLen += Node.CHILD_BYTES;
    n++;
    return boundaryAfter(k, koff, klen, klen + INTERNAL_OVERHEAD);
  }

  private final byte[] addrScratch = new byte[Hash.LENGTH];

  boolean addChild(NodeRef ref) {
    ref.address().writeTo(addrScratch, 0);
    return addChild(ref.lastKey(), 0, ref.lastKey().length, addrScratch, 0, ref.count());
  }

  private boolean boundaryAfter(byte[] k, int koff, int klen, int entryBytes) {
    int before = size;
    size += entryBytes;
    return BoundaryRule.splitAfter(KeyHash.hash(k, koff, klen, seed), before, size, n, level);
  }

  /** Serializes the pending entries as a node, stores it, and resets; returns the node's summary. */
  NodeRef emit(ChunkStore out) {
    int tables = level == 0 ? 8 * n : 4 * n;
    byte[] node = new byte[Node.HEADER + tables + keysLen + secondLen];
    node[0] = (byte) level;
    INT.set(node, 1, n);
    int p = Node.HEADER;
    for (int i = 0; i < n; i++, p += 4) {
      INT.set(node, p, keyEnds[i]);
    }
    if (level == 0) {
      for (int i = 0; i < n; i++, p += 4) {
        INT.set(node, p, valueEnds[i]);
      }
      System.arraycopy(keys, 0, node, p, keysLen);
      System.arraycopy(second, 0, node, p + keysLen, secondLen);
    } else {
      System.arraycopy(second, 0, node, p, secondLen);
      System.arraycopy(keys, 0, node, p + secondLen, keysLen);
    }
    Hash address = out.put(node);
    byte[] lastKey = n == 0 ? new byte[0] : Arrays.copyOfRange(keys, n == 1 ? 0 : keyEnds[n - 2], keysLen);
    NodeRef ref = new NodeRef(lastKey, address, subtreeCount, level);
    n = 0;
    keysLen = 0;
    secondLen = 0;
    size = 0;
    subtreeCount = 0;
    return ref;
  }

  private void growTables() {
    if (n == keyEnds.length) {
      keyEnds = Arrays.copyOf(keyEnds, n * 2);
      if (valueEnds != null) {
        valueEnds = Arrays.copyOf(valueEnds, n * 2);
      }
    }
  }

  private static byte[] ensure(byte[] buf, int used, int extra) {
    if (used + extra <= buf.length) {
      return buf;
    }
    return Arrays.copyOf(buf, Math.max(buf.length * 2, used + extra));
  }
}
