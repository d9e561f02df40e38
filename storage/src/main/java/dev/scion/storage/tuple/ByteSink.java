package dev.scion.storage.tuple;

import java.util.Arrays;

/** A growable byte array for building encodings. */
final class ByteSink {
  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  void put(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void put(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  void putInt(int v) {
    ensure(4);
    Bytes.putInt(buf, size, v);
    size += 4;
  }

  void putLong(long v) {
    ensure(8);
    Bytes.putLong(buf, size, v);
    size += 8;
  }

  /** The low {@code n} bytes of {@code v}, big-endian. */
  void putLowBytes(long v, int n) {
    ensure(n);
    for (int i = n - 1; i >= 0; i--) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
  }

  void putShort(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }
}
