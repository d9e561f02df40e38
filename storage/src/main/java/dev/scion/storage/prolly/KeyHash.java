package dev.scion.storage.prolly;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast seeded 64-bit hash of key bytes, used only to place node boundaries (never for addressing).
 * Multiply-rotate mixing of 8-byte words with a final avalanche, in the style of xxHash64's short-input
 * path. Integer arithmetic only, so every JVM computes the same boundaries.
 */
final class KeyHash {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private KeyHash() {}

  /** The seed for a tree level: salting by level keeps a level's boundaries independent of the one below. */
  static long levelSeed(int level) {
    return 0x5C10_4B1D_7EE5_0001L + level * 0x9E3779B97F4A7C15L;
  }

  static long hash(byte[] b, int off, int len, long seed) {
    long h = seed + P5 + len;
    int i = off;
    int end = off + len;
    while (end - i >= 8) {
      long k = (long) LONG_LE.get(b, i);
      k *= P2;
      k = Long.rotateLeft(k, 31);
      k *= P1;
      h ^= k;
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (end - i >= 4) {
      h ^= ((int) INT_LE.get(b, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < end) {
      h ^= (b[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }
}
