package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StorageException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A read-only view of one serialized tree node. Nothing is parsed per entry: keys, values and children
 * are located through the offset tables on demand, so opening a node costs a few reads.
 *
 * <p>Format (integers big-endian):
 *
 * <pre>
 *   leaf:      u8 level=0 | u32 n | u32 keyEnd[n]   | u32 valueEnd[n]                     | keys | values
 *   internal:  u8 level   | u32 n | u32 keyEnd[n]   | (20-byte child address, u64 cumulative count)[n] | keys
 * </pre>
 *
 * Ends are relative to the start of their region. In an internal node, key i is the last key of child i and
 * the cumulative count is the number of entries in children 0..i, so the node's last cumulative count is its
 * subtree size and ordinal seeks can binary-search.
 */
final class Node {
  static final int HEADER = 5;
  static final int CHILD_BYTES = Hash.LENGTH + 8;
  static final int MAX_LEVEL = 63;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  final byte[] b;
  final int level;
  final int n;
  private final int keysStart;
  /** Leaf: where values start. Internal: where the child table starts. */
  private final int secondStart;

  private Node(byte[] b, int level, int n, int keysStart, int secondStart) {
    this.b = b;
    this.level = level;
    this.n = n;
    this.keysStart = keysStart;
    this.secondStart = secondStart;
  }

  static Node parse(byte[] b, Hash address) {
    if (b.length < HEADER) {
      throw corrupt(address, "shorter than a header");
    }
    int level = b[0] & 0xff;
    int n = (int) INT.get(b, 1);
    if (level > MAX_LEVEL || n < 0) {
      throw corrupt(address, "bad header");
    }
    if (level == 0) {
      long keysStart = HEADER + 8L * n;
      if (keysStart > b.length) {
        throw corrupt(address, "truncated offset tables");
      }
      int ks = (int) keysStart;
      int keysLen = n == 0 ? 0 : (int) INT.get(b, HEADER + 4 * (n - 1));
      int valuesLen = n == 0 ? 0 : (int) INT.get(b, HEADER + 4 * n + 4 * (n - 1));
      if (keysLen < 0 || valuesLen < 0 || (long) ks + keysLen + valuesLen != b.length) {
        throw corrupt(address, "sizes do not add up");
      }
      return new Node(b, 0, n, ks, ks + keysLen);
    }
    long childStart = HEADER + 4L * n;
    long keysStart = childStart + (long) CHILD_BYTES * n;
    if (n == 0 || keysStart > b.length) {
      throw corrupt(address, "internal node without children or truncated");
    }
    int keysLen = (int) INT.get(b, HEADER + 4 * (n - 1));
    if (keysLen < 0 || keysStart + keysLen != b.length) {
      throw corrupt(address, "sizes do not add up");
    }
    return new Node(b, level, n, (int) keysStart, (int) childStart);
  }

  private static StorageException corrupt(Hash address, String why) {
    return new StorageException("chunk " + address + " is not a valid tree node: " + why);
  }

  boolean isLeaf() {
    return level == 0;
  }

  // ---- keys ----

  int keyStart(int i) {
    return keysStart + (i == 0 ? 0 : (int) INT.get(b, HEADER + 4 * (i - 1)));
  }

  int keyEnd(int i) {
    return keysStart + (int) INT.get(b, HEADER + 4 * i);
  }

  byte[] key(int i) {
    return Arrays.copyOfRange(b, keyStart(i), keyEnd(i));
  }

  /** Compares key i with {@code key}. */
  int compareKey(int i, byte[] key) {
    return Arrays.compareUnsigned(b, keyStart(i), keyEnd(i), key, 0, key.length);
  }

  /** Compares key i of this node with key j of {@code other}. */
  int compareKey(int i, Node other, int j) {
    return Arrays.compareUnsigned(b, keyStart(i), keyEnd(i), other.b, other.keyStart(j), other.keyEnd(j));
  }

  /** Index of the first key >= {@code key}, or n if every key is smaller. */
  int lowerBound(byte[] key) {
    return lowerBound(key, 0);
  }

  /** Index of the first key >= {@code key} at or after index {@code from}, or n if every such key is smaller. */
  int lowerBound(byte[] key, int from) {
    int lo = from;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKey(mid, key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Index of {@code key} in a leaf, or -1. */
  int find(byte[] key) {
    int i = lowerBound(key);
    return i < n && compareKey(i, key) == 0 ? i : -1;
  }

  // ---- leaf values ----

  int valueStart(int i) {
    return secondStart + (i == 0 ? 0 : (int) INT.get(b, HEADER + 4 * n + 4 * (i - 1)));
  }

  int valueEnd(int i) {
    return secondStart + (int) INT.get(b, HEADER + 4 * n + 4 * i);
  }

  byte[] value(int i) {
    return Arrays.copyOfRange(b, valueStart(i), valueEnd(i));
  }

  boolean valueEquals(int i, byte[] v) {
    return Arrays.equals(b, valueStart(i), valueEnd(i), v, 0, v.length);
  }

  boolean valueEquals(int i, Node other, int j) {
    return Arrays.equals(b, valueStart(i), valueEnd(i), other.b, other.valueStart(j), other.valueEnd(j));
  }

  // ---- internal children ----

  int childOffset(int i) {
    return secondStart + CHILD_BYTES * i;
  }

  Hash child(int i) {
    return Hash.fromBytes(b, childOffset(i));
  }

  boolean sameChild(int i, Node other, int j) {
    int a = childOffset(i);
    int c = other.childOffset(j);
    return Arrays.equals(b, a, a + Hash.LENGTH, other.b, c, c + Hash.LENGTH);
  }

  /** Entries in children 0..i. */
  long cumulativeCount(int i) {
    return (long) LONG.get(b, childOffset(i) + Hash.LENGTH);
  }

  long childCount(int i) {
    return cumulativeCount(i) - (i == 0 ? 0 : cumulativeCount(i - 1));
  }

  /** Index of the child holding entry {@code ordinal} (0 <= ordinal < totalCount()). */
  int childForOrdinal(long ordinal) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulativeCount(mid) > ordinal) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Entries in this node's subtree. */
  long totalCount() {
    return level == 0 ? n : cumulativeCount(n - 1);
  }

  NodeRef childRef(int i) {
    return new NodeRef(key(i), child(i), childCount(i), level - 1);
  }
}
