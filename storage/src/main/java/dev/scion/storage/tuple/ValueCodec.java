package dev.scion.storage.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import dev.scion.storage.blob.BlobRef;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import java.util.Arrays;

/**
 * The compact (not order-preserving) encoding of a value tuple:
 *
 * <pre>
 *   field bytes, back to back        (a NULL field has no bytes)
 *   end offset of each field         (m entries, 2 bytes each, or 4 if the field bytes exceed 64 KiB)
 *   NULL bitmap                      (ceil(m/8) bytes, bit i set = field i is NULL)
 *   out-of-line bitmap               (ceil(m/8) bytes, only if the trailer's bit 14 is set;
 *                                     bit i set = field i is a blob reference)
 *   trailer                          (2 bytes: bit 15 = 4-byte offsets, bit 14 = out-of-line bitmap
 *                                     present, low 14 bits = m)
 * </pre>
 *
 * <p>A STRING, BYTES or JSON field longer than {@link OutOfLineValues#THRESHOLD_BYTES} is stored out of
 * line when the encoder is given a chunk store: its bytes go into a {@link dev.scion.storage.blob.BlobTree} and the field holds
 * the 20-byte root address followed by the 8-byte length (see {@link OutOfLineValues}).
 *
 * m is the number of fields up to the last non-NULL one: trailing NULLs are trimmed, and an all-NULL tuple
 * is the empty array, so each tuple has exactly one encoding. Reading the table from the end lets one
 * field be decoded without touching the others. Integers are stored in as few bytes as hold them.
 */
final class ValueCodec {
  static final int MAX_FIELDS = 0x3FFF;
  static final int WIDE_FLAG = 0x8000;
  static final int OUT_OF_LINE_FLAG = 0x4000;

  private ValueCodec() {}

  static byte[] encode(FieldType[] types, Object[] values) {
    return encode(types, values, null);
  }

  /** Encodes; with a non-null {@code blobs}, long string and byte fields go out of line into it. */
  static byte[] encode(FieldType[] types, Object[] values, ChunkStore blobs) {
    if (values.length > types.length) {
      throw new IllegalArgumentException(
          "tuple has " + values.length + " values for " + types.length + " fields");
    }
    int m = values.length;
    while (m > 0 && values[m - 1] == null) {
      m--;
    }
    if (m == 0) {
      return new byte[0];
    }
    if (m > MAX_FIELDS) {
      throw new IllegalArgumentException("too many fields: " + m);
    }
    ByteSink data = new ByteSink(64);
    int[] ends = new int[m];
    byte[] nulls = new byte[(m + 7) / 8];
    byte[] outOfLine = null;
    for (int i = 0; i < m; i++) {
      Object v = values[i];
      if (v == null) {
        nulls[i >>> 3] |= (byte) (1 << (i & 7));
      } else if (blobs != null && OutOfLineValues.put(data, i, types[i], v, blobs)) {
        if (outOfLine == null) {
          outOfLine = new byte[nulls.length];
        }
        outOfLine[i >>> 3] |= (byte) (1 << (i & 7));
      } else {
        putField(data, i, types[i], v);
      }
      ends[i] = data.size();
    }
    boolean wide = data.size() > 0xFFFF;
    for (int end : ends) {
      if (wide) {
        data.putInt(end);
      } else {
        data.putShort(end);
      }
    }
    data.put(nulls, 0, nulls.length);
    if (outOfLine != null) {
      data.put(outOfLine, 0, outOfLine.length);
    }
    data.putShort((wide ? WIDE_FLAG : 0) | (outOfLine != null ? OUT_OF_LINE_FLAG : 0) | m);
    return data.toArray();
  }

  static Object[] decode(FieldType[] types, byte[] encoded) {
    return decode(types, encoded, null);
  }

  /** Decodes; out-of-line fields are read from {@code blobs} (IllegalStateException if it is null). */
  static Object[] decode(FieldType[] types, byte[] encoded, ChunkReader blobs) {
    Object[] out = new Object[types.length];
    if (encoded.length == 0) {
      return out;
    }
    Layout l = new Layout(encoded, types.length);
    int start = 0;
    for (int i = 0; i < l.fields; i++) {
      int end = l.end(i);
      if (l.isOutOfLine(i)) {
        out[i] = OutOfLineValues.get(i, types[i], encoded, start, end - start, blobs);
      } else if (!l.isNull(i)) {
        out[i] = getField(types[i], encoded, start, end - start);
      }
      start = end;
    }
    return out;
  }

  /**
   * Decodes only the fields marked in {@code wanted} (the others stay null) of the tuple in
   * {@code b[off, off + len)}: the offset table gives each field's place, so a reader that needs two of many
   * columns skips the rest without touching their bytes, and a tree node's value is read where it lies, without
   * copying it out first.
   */
  static Object[] decodeWanted(FieldType[] types, byte[] b, int off, int len, boolean[] wanted) {
    Object[] out = new Object[types.length];
    if (len == 0) {
      return out;
    }
    Layout l = new Layout(b, off, len, types.length);
    int fields = Math.min(l.fields, wanted.length);
    for (int i = 0; i < fields; i++) {
      if (wanted[i] && !l.isNull(i)) {
        int start = off + (i == 0 ? 0 : l.end(i - 1));
        int end = off + l.end(i);
        out[i] = l.isOutOfLine(i) ? OutOfLineValues.get(i, types[i], b, start, end - start, null)
            : getField(types[i], b, start, end - start);
      }
    }
    return out;
  }

  static Object decodeField(FieldType[] types, byte[] encoded, int index) {
    return decodeField(types, encoded, index, null);
  }

  static Object decodeField(FieldType[] types, byte[] encoded, int index, ChunkReader blobs) {
    if (index < 0 || index >= types.length) {
      throw new IndexOutOfBoundsException("field " + index + " of " + types.length);
    }
    if (encoded.length == 0) {
      return null;
    }
    Layout l = new Layout(encoded, types.length);
    if (index >= l.fields || l.isNull(index)) {
      return null;
    }
    int start = index == 0 ? 0 : l.end(index - 1);
    if (l.isOutOfLine(index)) {
      return OutOfLineValues.get(index, types[index], encoded, start, l.end(index) - start, blobs);
    }
    return getField(types[index], encoded, start, l.end(index) - start);
  }

  /** The blob reference of field {@code index} if it is stored out of line, else null. */
  static BlobRef outOfLineRef(FieldType[] types, byte[] encoded, int index) {
    if (index < 0 || index >= types.length) {
      throw new IndexOutOfBoundsException("field " + index + " of " + types.length);
    }
    if (encoded.length == 0) {
      return null;
    }
    Layout l = new Layout(encoded, types.length);
    if (index >= l.fields || !l.isOutOfLine(index)) {
      return null;
    }
    int start = index == 0 ? 0 : l.end(index - 1);
    return OutOfLineValues.ref(encoded, start, l.end(index) - start);
  }

  /** Where the offset table and bitmap of an encoded tuple are (absolute indexes into {@code b}). */
  private static final class Layout {
    final byte[] b;
    final int fields;
    final int width;
    final int offsetsStart;
    final int bitmapStart;
    /** Start of the out-of-line bitmap, or -1. */
    final int outOfLineStart;
    /** The largest field end: where the offset table starts, relative to the tuple. */
    final int dataLength;

    Layout(byte[] b, int maxFields) {
      this(b, 0, b.length, maxFields);
    }

    /** The tuple in {@code b[off, off + len)}. */
    Layout(byte[] b, int off, int len, int maxFields) {
      if (len < 2) {
        throw corrupt("too short");
      }
      this.b = b;
      int limit = off + len;
      int trailer = Bytes.getUnsignedShort(b, limit - 2);
      this.fields = trailer & MAX_FIELDS;
      this.width = (trailer & WIDE_FLAG) != 0 ? 4 : 2;
      if (fields == 0 || fields > maxFields) {
        throw corrupt("field count " + fields + " for a tuple of " + maxFields);
      }
      int bitmapBytes = (fields + 7) / 8;
      boolean outOfLine = (trailer & OUT_OF_LINE_FLAG) != 0;
      this.outOfLineStart = outOfLine ? limit - 2 - bitmapBytes : -1;
      this.bitmapStart = limit - 2 - bitmapBytes * (outOfLine ? 2 : 1);
      this.offsetsStart = bitmapStart - fields * width;
      if (offsetsStart < off) {
        throw corrupt("truncated table");
      }
      this.dataLength = offsetsStart - off;
    }

    /** Where field i ends, relative to the tuple's start. */
    int end(int i) {
      int p = offsetsStart + i * width;
      int end = width == 2 ? Bytes.getUnsignedShort(b, p) : Bytes.getInt(b, p);
      if (end < 0 || end > dataLength) {
        throw corrupt("field " + i + " ends at " + end);
      }
      return end;
    }

    boolean isNull(int i) {
      return (b[bitmapStart + (i >>> 3)] & (1 << (i & 7))) != 0;
    }

    boolean isOutOfLine(int i) {
      return outOfLineStart >= 0 && (b[outOfLineStart + (i >>> 3)] & (1 << (i & 7))) != 0;
    }

    private static IllegalArgumentException corrupt(String why) {
      return new IllegalArgumentException("malformed value tuple: " + why);
    }
  }

  private static void putField(ByteSink out, int field, FieldType type, Object v) {
    switch (type) {
      case INT64 -> putSigned(out, FieldValues.int64(field, type, v));
      case UINT64 -> putUnsigned(out, FieldValues.uint64Bits(field, type, v));
      case BIT -> putUnsigned(out, FieldValues.bit(field, type, v));
      case YEAR -> putSigned(out, FieldValues.year(field, type, v));
      case FLOAT32 -> out.putInt(Float.floatToRawIntBits(FieldValues.float32(field, type, v)));
      case FLOAT64 -> out.putLong(Double.doubleToRawLongBits(FieldValues.float64(field, type, v)));
      case DECIMAL -> {
        BigDecimal d = FieldValues.decimal(field, type, v);
        out.putInt(d.scale());
        byte[] unscaled = d.unscaledValue().toByteArray();
        out.put(unscaled, 0, unscaled.length);
      }
      case STRING, JSON -> {
        byte[] s = FieldValues.string(field, type, v).getBytes(StandardCharsets.UTF_8);
        out.put(s, 0, s.length);
      }
      case BYTES -> {
        byte[] b = FieldValues.bytes(field, type, v);
        out.put(b, 0, b.length);
      }
      case DATE -> out.putInt(FieldValues.epochDay(field, type, v));
      case TIME -> putSigned(out, FieldValues.timeMicros(field, type, v));
      case DATETIME -> putSigned(out, FieldValues.dateTimeMicros(field, type, v));
    }
  }

  private static void putSigned(ByteSink out, long v) {
    out.putLowBytes(v, Bytes.signedLength(v));
  }

  private static void putUnsigned(ByteSink out, long v) {
    out.putLowBytes(v, Bytes.unsignedLength(v));
  }

  private static Object getField(FieldType type, byte[] b, int off, int len) {
    return switch (type) {
      case INT64 -> Bytes.getSigned(b, off, check(len, 8));
      case UINT64 -> FieldValues.uint64Value(Bytes.getUnsigned(b, off, check(len, 8)));
      case BIT -> Bytes.getUnsigned(b, off, check(len, 8));
      case YEAR -> (int) Bytes.getSigned(b, off, check(len, 4));
      case FLOAT32 -> Float.intBitsToFloat(Bytes.getInt(b, off + exactly(len, 4)));
      case FLOAT64 -> Double.longBitsToDouble(Bytes.getLong(b, off + exactly(len, 8)));
      case DECIMAL -> {
        if (len < 5) {
          throw new IllegalArgumentException("malformed DECIMAL field of " + len + " bytes");
        }
        yield new BigDecimal(new BigInteger(b, off + 4, len - 4), Bytes.getInt(b, off));
      }
      case STRING, JSON -> new String(b, off, len, StandardCharsets.UTF_8);
      case BYTES -> Arrays.copyOfRange(b, off, off + len);
      case DATE -> FieldValues.date(Bytes.getInt(b, off + exactly(len, 4)));
      case TIME -> FieldValues.time(Bytes.getSigned(b, off, check(len, 8)));
      case DATETIME -> FieldValues.dateTime(Bytes.getSigned(b, off, check(len, 8)));
    };
  }

  private static int check(int len, int max) {
    if (len > max) {
      throw new IllegalArgumentException("malformed field of " + len + " bytes (max " + max + ")");
    }
    return len;
  }

  /** Returns 0 if {@code len} is {@code expected}, so it can be added to an offset. */
  private static int exactly(int len, int expected) {
    if (len != expected) {
      throw new IllegalArgumentException("malformed field of " + len + " bytes (expected " + expected + ")");
    }
    return 0;
  }
}
