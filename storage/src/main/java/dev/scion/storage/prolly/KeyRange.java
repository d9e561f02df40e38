package dev.scion.storage.prolly;

import dev.scion.storage.tuple.KeyBytes;

/**
 * A range of keys in {@link KeyBytes} order; a null bound is unbounded on that side.
 */
public record KeyRange(byte[] start, boolean startInclusive, byte[] end, boolean endInclusive) {
  /** Every key. */
  public static final KeyRange ALL = new KeyRange(null, true, null, true);

  /** Keys k with a <= k <= b. */
  public static KeyRange closed(byte[] a, byte[] b) {
    return new KeyRange(a, true, b, true);
  }

  /** Keys k with a <= k < b. */
  public static KeyRange closedOpen(byte[] a, byte[] b) {
    return new KeyRange(a, true, b, false);
  }

  /** Keys k with a < k < b. */
  public static KeyRange open(byte[] a, byte[] b) {
    return new KeyRange(a, false, b, false);
  }

  /** Keys k with a < k <= b. */
  public static KeyRange openClosed(byte[] a, byte[] b) {
    return new KeyRange(a, false, b, true);
  }

  public static KeyRange atLeast(byte[] a) {
    return new KeyRange(a, true, null, true);
  }

  public static KeyRange greaterThan(byte[] a) {
    return new KeyRange(a, false, null, true);
  }

  public static KeyRange atMost(byte[] b) {
    return new KeyRange(null, true, b, true);
  }

  public static KeyRange lessThan(byte[] b) {
    return new KeyRange(null, true, b, false);
  }

  /** Keys starting with {@code prefix}. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix, true, KeyBytes.prefixEnd(prefix), false);
  }

  /** True if {@code key} is in the range. */
  public boolean contains(byte[] key) {
    return !beforeStart(key) && !afterEnd(key);
  }

  /** True if {@code key} lies below the start bound. */
  public boolean beforeStart(byte[] key) {
    if (start == null) {
      return false;
    }
    int c = KeyBytes.compare(key, start);
    return c < 0 || (c == 0 && !startInclusive);
  }

  /** True if {@code key} lies above the end bound. */
  public boolean afterEnd(byte[] key) {
    if (end == null) {
      return false;
    }
    int c = KeyBytes.compare(key, end);
    return c > 0 || (c == 0 && !endInclusive);
  }
}
