package dev.scion.storage.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one redo-log record: a 24-byte header and the payload.
 *
 * <pre>
 *   crc32c     4 bytes  over everything after it (header fields and payload)
 *   generation 8 bytes  the generation of the segment the record was written in
 *   sequence   8 bytes  one more than the record before it, across segments
 *   length     4 bytes  payload length
 *   payload    length bytes
 * </pre>
 *
 * All integers are big-endian. Zeroed space (a fresh segment) never decodes: generations start above zero.
 */
record LogRecord(long generation, long sequence, byte[] payload) {
  static final int HEADER_BYTES = 24;

  int size() {
    return HEADER_BYTES + payload.length;
  }

  /** The record as it goes to disk, ready to write. */
  ByteBuffer encode() {
    byte[] image = new byte[size()];
    System.arraycopy(payload, 0, image, HEADER_BYTES, payload.length);
    fillHeader(image, generation, sequence, payload.length);
    return ByteBuffer.wrap(image);
  }

  /** Writes the header of a record whose payload already follows it in {@code image}. */
  static void fillHeader(byte[] image, long generation, long sequence, int payloadLength) {
    ByteBuffer.wrap(image).position(4).putLong(generation).putLong(sequence).putInt(payloadLength);
    ByteBuffer.wrap(image).putInt(0, crc(image, HEADER_BYTES + payloadLength));
  }

  /** The CRC field, as computed over {@code size} encoded bytes of {@code record} (header included). */
  static int crc(byte[] record, int size) {
    CRC32C c = new CRC32C();
    c.update(record, 4, size - 4);
    return (int) c.getValue();
  }
}
