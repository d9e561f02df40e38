package dev.scion.storage.prolly;

import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of puts and deletes for {@link ProllyMap#edit}, kept sorted by key (in {@link
 * dev.scion.storage.tuple.KeyBytes} order); a later edit of the same key replaces an earlier one.
 *
 * <p>Appending keys in ascending order is the fast path (no sorting). The batch keeps references to the
 * arrays it is given: do not modify them afterwards. Not thread-safe.
 */
public final class MapEdits {
  /** Marks a delete; compared by identity. */
  private static final byte[] DELETE = new byte[0];

  private byte[][] keys = new byte[16][];
  private byte[][] values = new byte[16][];
  private int size;
  /** True while the arrays are strictly ascending without duplicates. */
  private boolean sorted = true;
  /** What the caller vouched for with {@link #knownToChange}. */
  private boolean changesKnown;
  private boolean sameLengthReplacements;

  public MapEdits put(byte[] key, byte[] value) {
    return add(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  public MapEdits delete(byte[] key) {
    return add(Objects.requireNonNull(key, "key"), DELETE);
  }

  private MapEdits add(byte[] key, byte[] value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    if (sorted && size > 0 && Arrays.compareUnsigned(keys[size - 1], key) >= 0) {
      sorted = false;
    }
    keys[size] = key;
    values[size] = value;
    size++;
    return this;
  }

  /**
   * Declares that every edit of the batch changes the map it will be applied to: the caller compared each one
   * with that map's entry (a put of an absent key or of a different value, a delete of a present key), so
   * {@link ProllyMap#edit} does not look the keys up again to find out. With {@code sameLengthReplacements},
   * every edit also replaces a present key's value with one of the same length, so its nodes are patched in
   * place without that being checked either. A put or delete that in fact changes nothing still gives the right
   * tree (its nodes are rebuilt as they were); a wrong {@code sameLengthReplacements} fails the edit.
   */
  public MapEdits knownToChange(boolean sameLengthReplacements) {
    this.changesKnown = true;
    this.sameLengthReplacements = sameLengthReplacements;
    return this;
  }

  /** Whether {@link #knownToChange} declared every edit a change. */
  boolean changesKnown() {
    return changesKnown;
  }

  /** Whether {@link #knownToChange} declared every edit a same-length replacement of a present value. */
  boolean sameLengthReplacements() {
    return changesKnown && sameLengthReplacements;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Number of distinct keys edited. */
  public int size() {
    normalize();
    return size;
  }

  /** Key of edit i in key order. */
  byte[] key(int i) {
    normalize();
    return keys[i];
  }

  /** New value of edit i, or null for a delete. */
  byte[] value(int i) {
    normalize();
    byte[] v = values[i];
    return v == DELETE ? null : v;
  }

  /** Sorts by key, keeping only the last edit of each key (a stable sort keeps insertion order of ties). */
  private void normalize() {
    if (sorted) {
      return;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    byte[][] k = keys;
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(k[a], k[b]));
    byte[][] nk = new byte[Math.max(16, size)][];
    byte[][] nv = new byte[Math.max(16, size)][];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int idx = order[i];
      if (n > 0 && Arrays.equals(nk[n - 1], keys[idx])) {
        nv[n - 1] = values[idx]; // a later edit of the same key wins
      } else {
        nk[n] = keys[idx];
        nv[n] = values[idx];
        n++;
      }
    }
    keys = nk;
    values = nv;
    size = n;
    sorted = true;
  }
}
