package dev.scion.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 20-byte content address: the first 20 bytes of the SHA-512 digest of a chunk.
 *
 * <p>Held as three primitives rather than an array so that equality, hashing and ordering (all hot in
 * caches and tree walks) need no array indirection. The text form is 32 characters of base32 with the
 * alphabet {@code 0123456789abcdefghijklmnopqrstuv}; because that alphabet is in ASCII order and each
 * character carries the next 5 bits, strings sort exactly like the bytes.
 */
public final class Hash implements Comparable<Hash> {
  public static final int LENGTH = 20;
  public static final int STRING_LENGTH = 32;
  public static final Hash ZERO = new Hash(0L, 0L, 0);

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /** A digest object and its output buffer per thread: MessageDigest is not thread-safe and costly to create. */
  private static final ThreadLocal<Sha512> SHA512 = ThreadLocal.withInitial(Sha512::new);

  private final long hi;
  private final long mid;
  private final int lo;

  private Hash(long hi, long mid, int lo) {
    this.hi = hi;
    this.mid = mid;
    this.lo = lo;
  }

  /** The address of a chunk: first 20 bytes of SHA-512 of its bytes. */
  public static Hash of(byte[] chunk) {
    return of(chunk, 0, chunk.length);
  }

  /** The address of {@code len} bytes of {@code b} starting at {@code off}. */
  public static Hash of(byte[] b, int off, int len) {
    return SHA512.get().digest(b, off, len);
  }

  /** A hash from exactly 20 bytes. */
  public static Hash fromBytes(byte[] b20) {
    if (b20 == null || b20.length != LENGTH) {
      throw new IllegalArgumentException(
          "a hash is " + LENGTH + " bytes, got " + (b20 == null ? "null" : b20.length));
    }
    return fromBytes(b20, 0);
  }

  /** A hash from the 20 bytes of {@code b} starting at {@code off}. */
  public static Hash fromBytes(byte[] b, int off) {
    long hi = (long) LONG_BE.get(b, off);
    long mid = (long) LONG_BE.get(b, off + 8);
    int lo = (int) INT_BE.get(b, off + 16);
    if (hi == 0 && mid == 0 && lo == 0) {
      return ZERO;
    }
    return new Hash(hi, mid, lo);
  }

  /** Parses the 32-character base32 form; throws IllegalArgumentException on anything else. */
  public static Hash parse(String s) {
    if (!isHashString(s)) {
      throw new IllegalArgumentException("not a hash: " + quote(s));
    }
    byte[] out = new byte[LENGTH];
    int acc = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < STRING_LENGTH; i++) {
      acc = (acc << 5) | digit(s.charAt(i));
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[pos++] = (byte) (acc >>> bits);
        acc &= (1 << bits) - 1;
      }
    }
    return fromBytes(out, 0);
  }

  /** True if {@code s} is 32 characters from the hash alphabet. */
  public static boolean isHashString(String s) {
    if (s == null || s.length() != STRING_LENGTH) {
      return false;
    }
    for (int i = 0; i < STRING_LENGTH; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'v') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    return "'" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "'";
  }

  /** A fresh copy of the 20 bytes. */
  public byte[] bytes() {
    byte[] b = new byte[LENGTH];
    writeTo(b, 0);
    return b;
  }

  /** Writes the 20 bytes into {@code dst} at {@code off}. */
  public void writeTo(byte[] dst, int off) {
    LONG_BE.set(dst, off, hi);
    LONG_BE.set(dst, off + 8, mid);
    INT_BE.set(dst, off + 16, lo);
  }

  /** Writes the 20 bytes at the buffer's position, advancing it (byte order of the buffer is ignored). */
  public void writeTo(ByteBuffer buf) {
    buf.put(bytes());
  }

  /** True if the 20 bytes at {@code off} in {@code b} are this hash. */
  public boolean equalsBytes(byte[] b, int off) {
    return (long) LONG_BE.get(b, off) == hi
        && (long) LONG_BE.get(b, off + 8) == mid
        && (int) INT_BE.get(b, off + 16) == lo;
  }

  /** The first 8 bytes, big-endian: a well-mixed 64-bit digest of the address (for compact hash sets). */
  public long high64() {
    return hi;
  }

  /** Bytes 8 to 15, big-endian. */
  public long middle64() {
    return mid;
  }

  public boolean isZero() {
    return hi == 0 && mid == 0 && lo == 0;
  }

  @Override
  public String toString() {
    byte[] b = bytes();
    char[] out = new char[STRING_LENGTH];
    int acc = 0;
    int bits = 0;
    int pos = 0;
    for (byte value : b) {
      acc = (acc << 8) | (value & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out[pos++] = ALPHABET.charAt((acc >>> bits) & 31);
      }
      acc &= (1 << bits) - 1;
    }
    return new String(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && h.hi == hi && h.mid == mid && h.lo == lo;
  }

  @Override
  public int hashCode() {
    // The bytes are already uniformly random; any 32 of them make a good hash code.
    return (int) (hi >>> 32);
  }

  @Override
  public int compareTo(Hash o) {
    int c = Long.compareUnsigned(hi, o.hi);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(mid, o.mid);
    if (c != 0) {
      return c;
    }
    return Integer.compareUnsigned(lo, o.lo);
  }

  /** One thread's SHA-512 engine, with a reusable output buffer so digesting allocates nothing but the Hash. */
  private static final class Sha512 {
    private final MessageDigest md;
    private final byte[] out = new byte[64];

    Sha512() {
      try {
        md = MessageDigest.getInstance("SHA-512");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-512 is required by the Java platform", e);
      }
    }

    Hash digest(byte[] b, int off, int len) {
      md.update(b, off, len);
      try {
        md.digest(out, 0, out.length);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      return fromBytes(out, 0);
    }
  }
}
