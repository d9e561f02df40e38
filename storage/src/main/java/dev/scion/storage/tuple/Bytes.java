package dev.scion.storage.tuple;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian primitive access to byte arrays. */
final class Bytes {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Bytes() {}

  static int getInt(byte[] b, int off) {
    return (int) INT.get(b, off);
  }

  static long getLong(byte[] b, int off) {
    return (long) LONG.get(b, off);
  }

  static void putInt(byte[] b, int off, int v) {
    INT.set(b, off, v);
  }

  static void putLong(byte[] b, int off, long v) {
    LONG.set(b, off, v);
  }

  static int getUnsignedShort(byte[] b, int off) {
    return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
  }

  /** Bytes needed to hold {@code v} so that sign extension restores it (0 for 0). */
  static int signedLength(long v) {
    if (v == 0) {
      return 0;
    }
    for (int n = 1; n < 8; n++) {
      int shift = 64 - 8 * n;
      if ((v << shift) >> shift == v) {
        return n;
      }
    }
    return 8;
  }

  /** Bytes needed to hold {@code v} read as unsigned (0 for 0). */
  static int unsignedLength(long v) {
    return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
  }

  /** Reads {@code len} big-endian bytes, sign-extending. */
  static long getSigned(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    long v = b[off]; // sign-extends the top byte
    for (int i = 1; i < len; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }

  /** Reads {@code len} big-endian bytes, zero-extending. */
  static long getUnsigned(byte[] b, int off, int len) {
    long v = 0;
    for (int i = 0; i < len; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }
}
