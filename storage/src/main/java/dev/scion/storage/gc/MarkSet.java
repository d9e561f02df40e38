package dev.scion.storage.gc;

import dev.scion.storage.Hash;

/**
 * A set of 128-bit keys (the first 16 bytes of chunk addresses, optionally salted) in an open-addressing
 * table: 16 to 32 bytes per entry instead of about a hundred for a set of Hash objects, so marking a store
 * of tens of millions of chunks fits in memory. Two different addresses share a key with probability about
 * n^2 / 2^129, which is nil for any store.
 *
 * <p>Not thread-safe: only the collector's thread marks.
 */
final class MarkSet {
  private long[] table = new long[2 << 12]; // pairs (a, b); (0, 0) is an empty slot
  private int size;

  boolean add(Hash h) {
    return add(h.high64(), h.middle64());
  }

  boolean contains(Hash h) {
    return contains(h.high64(), h.middle64());
  }

  /** Adds the key (a, b); returns false if it was present. */
  boolean add(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1; // keeps (0, 0) free as the empty marker
    }
    if ((size + 1) * 10L > (table.length / 2) * 6L) {
      grow();
    }
    int mask = table.length / 2 - 1;
    for (int i = slot(a, mask); ; i = (i + 1) & mask) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
      if (x == a && y == b) {
        return false;
      }
      if (x == 0 && y == 0) {
        table[2 * i] = a;
        table[2 * i + 1] = b;
        size++;
        return true;
      }
    }
  }

  boolean contains(long a, long b) {
    if (a == 0 && b == 0) {
      b = 1;
    }
    int mask = table.length / 2 - 1;
    for (int i = slot(a, mask); ; i = (i + 1) & mask) {
      long x = table[2 * i];
      long y = table[2 * i + 1];
      if (x == a && y == b) {
        return true;
      }
      if (x == 0 && y == 0) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      long a = old[j];
      long b = old[j + 1];
      if (a != 0 || b != 0) {
        int i = slot(a, mask);
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        table[2 * i] = a;
        table[2 * i + 1] = b;
      }
    }
  }

  private static int slot(long a, int mask) {
    // Address bytes are uniformly random already (and salts are too): the high bits make a fine slot.
    return (int) (a >>> 32) & mask;
  }
}
