package dev.scion.storage.tuple;

import java.util.Arrays;
import java.util.Comparator;

/** The order of encoded keys: unsigned lexicographic byte order, shorter prefix first. */
public final class KeyBytes {
  /** Orders byte arrays as keys. */
  public static final Comparator<byte[]> ORDER = KeyBytes::compare;

  private KeyBytes() {}

  /** Unsigned lexicographic comparison; a proper prefix sorts first. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** Compares ranges of two arrays the same way. */
  public static int compare(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    return Arrays.compareUnsigned(a, aFrom, aTo, b, bFrom, bTo);
  }

  /**
   * The smallest key greater than every key that starts with {@code prefix}, or null if there is none
   * (the prefix is empty or all 0xFF bytes).
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }
}
