package dev.scion.storage.tuple;

import dev.scion.storage.Hash;
import dev.scion.storage.blob.BlobRef;
import dev.scion.storage.blob.BlobTree;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Large field values stored outside their tuple. A STRING, JSON or BYTES field whose bytes exceed
 * {@link #THRESHOLD_BYTES} is written as a {@link BlobTree}; the value tuple then holds a 28-byte cell,
 * the blob's 20-byte root address followed by its length as a big-endian u64, and flags the field in its
 * out-of-line bitmap (see {@link ValueCodec}). Keeping big values out of the row keeps tree nodes near
 * their 4 KiB target, so scans and edits of other columns do not drag the large values along, and two
 * versions of a large value share the blob chunks their bytes have in common.
 */
public final class OutOfLineValues {
  /** Fields longer than this many bytes go out of line (when the encoder is given a store). */
  public static final int THRESHOLD_BYTES = 2048;
  /** Size of an out-of-line cell: root address plus length. */
  public static final int CELL_BYTES = Hash.LENGTH + 8;

  private OutOfLineValues() {}

  /** Writes {@code v} out of line if it is long enough; returns false (writing nothing) otherwise. */
  static boolean put(ByteSink out, int field, FieldType type, Object v, ChunkStore blobs) {
    byte[] raw;
    switch (type) {
      case STRING, JSON -> {
        String s = FieldValues.string(field, type, v);
        if (s.length() * 3L <= THRESHOLD_BYTES) {
          return false; // cannot exceed the threshold in UTF-8: skip the encoding
        }
        raw = s.getBytes(StandardCharsets.UTF_8);
      }
      case BYTES -> raw = FieldValues.bytes(field, type, v);
      default -> {
        return false;
      }
    }
    if (raw.length <= THRESHOLD_BYTES) {
      return false;
    }
    BlobRef ref = BlobTree.write(blobs, raw);
    byte[] cell = new byte[CELL_BYTES];
    ref.root().writeTo(cell, 0);
    Bytes.putLong(cell, Hash.LENGTH, ref.length());
    out.put(cell, 0, cell.length);
    return true;
  }

  /** The reference held by an out-of-line cell. */
  static BlobRef ref(byte[] b, int off, int len) {
    if (len != CELL_BYTES) {
      throw new IllegalArgumentException("malformed out-of-line cell of " + len + " bytes");
    }
    return new BlobRef(Hash.fromBytes(b, off), Bytes.getLong(b, off + Hash.LENGTH));
  }

  /** Reads an out-of-line field back into the Java value of its type. */
  static Object get(int field, FieldType type, byte[] b, int off, int len, ChunkReader blobs) {
    if (len != CELL_BYTES) {
      throw new IllegalArgumentException("malformed out-of-line cell of " + len + " bytes in field " + field);
    }
    Hash root = Hash.fromBytes(b, off);
    if (blobs == null) {
      throw new IllegalStateException("field " + field + " is stored out of line in blob " + root
          + "; decode with a ChunkReader");
    }
    byte[] raw = BlobTree.readAllBytes(blobs, root);
    long expected = Bytes.getLong(b, off + Hash.LENGTH);
    if (raw.length != expected) {
      throw new IllegalArgumentException("blob " + root + " of field " + field + " has " + raw.length
          + " bytes, the cell says " + expected);
    }
    return switch (type) {
      case STRING, JSON -> new String(raw, StandardCharsets.UTF_8);
      case BYTES -> raw;
      default -> throw new IllegalArgumentException("field " + field + " (" + type + ") cannot be out of line");
    };
  }

  /**
   * Reports the blob root of every out-of-line field of the value tuple in {@code b[start, end)}, without
   * knowing its schema. Bytes that are not a value tuple report nothing or, rarely, a few addresses that
   * name no chunk; either is harmless to garbage collection, which this serves.
   */
  public static void forEachBlob(byte[] b, int start, int end, Consumer<Hash> out) {
    int len = end - start;
    if (len < 2) {
      return;
    }
    int trailer = Bytes.getUnsignedShort(b, end - 2);
    if ((trailer & ValueCodec.OUT_OF_LINE_FLAG) == 0) {
      return;
    }
    int fields = trailer & ValueCodec.MAX_FIELDS;
    int width = (trailer & ValueCodec.WIDE_FLAG) != 0 ? 4 : 2;
    int bitmapBytes = (fields + 7) / 8;
    int outOfLineStart = end - 2 - bitmapBytes;
    int offsetsStart = outOfLineStart - bitmapBytes - fields * width;
    if (fields == 0 || offsetsStart < start) {
      return;
    }
    int dataLen = offsetsStart - start;
    int fieldStart = 0;
    for (int i = 0; i < fields; i++) {
      int p = offsetsStart + i * width;
      int fieldEnd = width == 2 ? Bytes.getUnsignedShort(b, p) : Bytes.getInt(b, p);
      if (fieldEnd < fieldStart || fieldEnd > dataLen) {
        return;
      }
      if ((b[outOfLineStart + (i >>> 3)] & (1 << (i & 7))) != 0 && fieldEnd - fieldStart == CELL_BYTES) {
        out.accept(Hash.fromBytes(b, start + fieldStart));
      }
      fieldStart = fieldEnd;
    }
  }

  /** True if the encoded value tuple has at least one out-of-line field. */
  public static boolean hasOutOfLine(byte[] encodedValue) {
    return encodedValue.length >= 2
        && (Bytes.getUnsignedShort(encodedValue, encodedValue.length - 2) & ValueCodec.OUT_OF_LINE_FLAG) != 0;
  }
}
