package dev.scion.storage.log;

import java.util.Arrays;

/**
 * A redo-log record assembled in place: its payload is written after room left for the header, which
 * {@link RedoLog#append(RecordBuffer)} fills in once the record's generation and sequence number are known, so a
 * commit's payload reaches the file without being copied into a record of its own.
 */
public final class RecordBuffer {
  private byte[] bytes;
  private int size = LogRecord.HEADER_BYTES;

  /** Room for about {@code payloadBytes} of payload before the buffer grows. */
  public RecordBuffer(int payloadBytes) {
    bytes = new byte[LogRecord.HEADER_BYTES + Math.max(payloadBytes, 16)];
  }

  /** Buffers larger than this are not kept by {@link #reset} (one huge change must not pin its memory). */
  private static final int RETAINED_BYTES = 1 << 20;

  /**
   * Empties the buffer for the next record, with room for about {@code payloadBytes} of payload, reusing its array
   * (a commit's record was allocated anew each time: 18% of a one-row UPDATE's allocation).
   */
  public void reset(int payloadBytes) {
    int need = LogRecord.HEADER_BYTES + Math.max(payloadBytes, 16);
    if (bytes.length < need || bytes.length > Math.max(RETAINED_BYTES, need)) {
      bytes = new byte[need];
    }
    size = LogRecord.HEADER_BYTES;
  }

  public int payloadLength() {
    return size - LogRecord.HEADER_BYTES;
  }

  public void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  public void putInt(int v) {
    ensure(4);
    bytes[size] = (byte) (v >>> 24);
    bytes[size + 1] = (byte) (v >>> 16);
    bytes[size + 2] = (byte) (v >>> 8);
    bytes[size + 3] = (byte) v;
    size += 4;
  }

  public void put(byte[] b) {
    put(b, 0, b.length);
  }

  public void put(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  /** Appends the payload of {@code other}. */
  public void putPayload(RecordBuffer other) {
    put(other.bytes, LogRecord.HEADER_BYTES, other.payloadLength());
  }

  /** A copy of the payload alone. */
  public byte[] payload() {
    return Arrays.copyOfRange(bytes, LogRecord.HEADER_BYTES, size);
  }

  /** The whole record image, header room included; valid up to {@link #recordLength()}. */
  byte[] image() {
    return bytes;
  }

  int recordLength() {
    return size;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }
}
