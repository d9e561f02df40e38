package dev.scion.storage.gc;

import dev.scion.storage.Hash;

/**
 * The set of marked chunk addresses, kept as the first 8 bytes of each address in an open-addressing
 * table: 8 to 16 bytes per chunk instead of a hundred for a set of Hash objects, so marking a store of
 * tens of millions of chunks fits in memory. Two addresses sharing their first 64 bits (chance about
 * n^2 / 2^65) are treated as one: the garbage one is then kept, never the reverse.
 *
 * <p>Not thread-safe: only the collector's thread marks.
 */
final class MarkSet {
  private long[] table = new long[1 << 12];
  private int size;

  /** Adds {@code h}; returns false if it (or an address with the same first 8 bytes) was present. */
  boolean add(Hash h) {
    if (size >= table.length * 3 / 5) {
      grow();
    }
    return insert(table, key(h));
  }

  boolean contains(Hash h) {
    long k = key(h);
    int mask = table.length - 1;
    for (int i = slot(k, mask); ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == k) {
        return true;
      }
      if (v == 0) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  private boolean insert(long[] t, long k) {
    int mask = t.length - 1;
    for (int i = slot(k, mask); ; i = (i + 1) & mask) {
      long v = t[i];
      if (v == k) {
        return false;
      }
      if (v == 0) {
        t[i] = k;
        if (t == table) {
          size++;
        }
        return true;
      }
    }
  }

  private void grow() {
    long[] old = table;
    long[] bigger = new long[old.length * 2];
    for (long k : old) {
      if (k != 0) {
        int mask = bigger.length - 1;
        int i = slot(k, mask);
        while (bigger[i] != 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = k;
      }
    }
    table = bigger;
  }

  /** 0 marks an empty slot, so the (astronomically unlikely) all-zero prefix shares a key with 1. */
  private static long key(Hash h) {
    long k = h.high64();
    return k == 0 ? 1 : k;
  }

  private static int slot(long k, int mask) {
    // Address bytes are uniformly random already: the high bits make a fine slot.
    return (int) (k >>> 32) & mask;
  }
}
