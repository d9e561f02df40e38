package dev.scion.storage.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The order-preserving encoding of one key field. Each field starts with a marker byte, 0x00 for NULL
 * (so NULL sorts first) and 0x01 otherwise, followed by a payload whose unsigned byte order is the SQL
 * order of the values:
 *
 * <ul>
 *   <li>signed integers, dates, times: fixed width big-endian with the sign bit flipped;
 *   <li>unsigned integers and BIT: fixed width big-endian;
 *   <li>floats: IEEE bits, sign bit flipped for positives and all bits flipped for negatives;
 *   <li>strings and bytes: 0x00 escaped as 0x00 0xFF and terminated by 0x00 0x00, so a prefix sorts before
 *       its extensions and the next field's bytes never take part in the comparison;
 *   <li>decimals: see {@link #putDecimal}.
 * </ul>
 */
final class KeyCodec {
  static final int NULL_MARKER = 0x00;
  static final int VALUE_MARKER = 0x01;

  private static final int DECIMAL_NEGATIVE = 0x01;
  private static final int DECIMAL_ZERO = 0x02;
  private static final int DECIMAL_POSITIVE = 0x03;

  private KeyCodec() {}

  static void put(ByteSink out, int field, FieldType type, Object v) {
    if (v == null) {
      out.put(NULL_MARKER);
      return;
    }
    out.put(VALUE_MARKER);
    switch (type) {
      case INT64 -> out.putLong(FieldValues.int64(field, type, v) ^ Long.MIN_VALUE);
      case UINT64 -> out.putLong(FieldValues.uint64Bits(field, type, v));
      case BIT -> out.putLong(FieldValues.bit(field, type, v));
      case YEAR -> out.putInt(FieldValues.year(field, type, v) ^ Integer.MIN_VALUE);
      case FLOAT32 -> out.putInt(orderedFloatBits(field, FieldValues.float32(field, type, v)));
      case FLOAT64 -> out.putLong(orderedDoubleBits(field, FieldValues.float64(field, type, v)));
      case DECIMAL -> putDecimal(out, field, FieldValues.decimal(field, type, v));
      case STRING, JSON -> putEscaped(out, FieldValues.string(field, type, v).getBytes(StandardCharsets.UTF_8));
      case BYTES -> putEscaped(out, FieldValues.bytes(field, type, v));
      case DATE -> out.putInt(FieldValues.epochDay(field, type, v) ^ Integer.MIN_VALUE);
      case TIME -> out.putLong(FieldValues.timeMicros(field, type, v) ^ Long.MIN_VALUE);
      case DATETIME -> out.putLong(FieldValues.dateTimeMicros(field, type, v) ^ Long.MIN_VALUE);
    }
  }

  /** A STRING key field ordered by a collation: the marker, then the escaped sort key. */
  static void putSortKey(ByteSink out, byte[] sortKey) {
    out.put(VALUE_MARKER);
    putEscaped(out, sortKey);
  }

  /** Reads a field written by {@link #putSortKey}: the sort key bytes, or null for NULL. */
  static byte[] getSortKey(KeyReader in) {
    int marker = in.next();
    if (marker == NULL_MARKER) {
      return null;
    }
    if (marker != VALUE_MARKER) {
      throw in.corrupt("bad field marker " + marker);
    }
    return getEscaped(in);
  }

  static Object get(KeyReader in, FieldType type) {
    int marker = in.next();
    if (marker == NULL_MARKER) {
      return null;
    }
    if (marker != VALUE_MARKER) {
      throw in.corrupt("bad field marker " + marker);
    }
    return switch (type) {
      case INT64 -> in.nextLong() ^ Long.MIN_VALUE;
      case UINT64 -> FieldValues.uint64Value(in.nextLong());
      case BIT -> in.nextLong();
      case YEAR -> in.nextInt() ^ Integer.MIN_VALUE;
      case FLOAT32 -> Float.intBitsToFloat(unorderFloatBits(in.nextInt()));
      case FLOAT64 -> Double.longBitsToDouble(unorderDoubleBits(in.nextLong()));
      case DECIMAL -> getDecimal(in);
      case STRING, JSON -> new String(getEscaped(in), StandardCharsets.UTF_8);
      case BYTES -> getEscaped(in);
      case DATE -> FieldValues.date(in.nextInt() ^ Integer.MIN_VALUE);
      case TIME -> FieldValues.time(in.nextLong() ^ Long.MIN_VALUE);
      case DATETIME -> FieldValues.dateTime(in.nextLong() ^ Long.MIN_VALUE);
    };
  }

  // ---- floats ----

  private static int orderedFloatBits(int field, float f) {
    if (Float.isNaN(f)) {
      throw new IllegalArgumentException("field " + field + " (FLOAT32): NaN cannot be a key");
    }
    int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f); // -0.0 == 0.0 in SQL
    return bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE;
  }

  private static int unorderFloatBits(int bits) {
    return bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits;
  }

  private static long orderedDoubleBits(int field, double d) {
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("field " + field + " (FLOAT64): NaN cannot be a key");
    }
    long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private static long unorderDoubleBits(long bits) {
    return bits < 0 ? bits ^ Long.MIN_VALUE : ~bits;
  }

  // ---- strings and bytes ----

  static void putEscaped(ByteSink out, byte[] b) {
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        out.put(b, start, i - start);
        out.put(0x00);
        out.put(0xFF);
        start = i + 1;
      }
    }
    out.put(b, start, b.length - start);
    out.put(0x00);
    out.put(0x00);
  }

  static byte[] getEscaped(KeyReader in) {
    ByteSink out = new ByteSink(32);
    while (true) {
      int b = in.next();
      if (b != 0) {
        out.put(b);
        continue;
      }
      int next = in.next();
      if (next == 0x00) {
        return out.toArray();
      }
      if (next != 0xFF) {
        throw in.corrupt("bad escape 0x00 0x" + Integer.toHexString(next));
      }
      out.put(0);
    }
  }

  // ---- decimals ----

  /**
   * A decimal, normalised so equal values encode identically, is written as a sign class (negative, zero,
   * positive) and, unless zero, as 0.d1d2...dn x 10^e with d1 != 0 and dn != 0: first e (4 bytes, sign
   * flipped), then the digits two per byte as nibbles digit+1 with a 0 nibble ending them (a whole 0x00
   * byte when n is even). Larger e means a larger magnitude, and for equal e the digit nibbles compare
   * like the digit strings, a shorter string (a prefix) first. Negative values write all of that
   * complemented, which reverses the order of magnitudes.
   */
  private static void putDecimal(ByteSink out, int field, BigDecimal d) {
    int sign = d.signum();
    if (sign == 0) {
      out.put(DECIMAL_ZERO);
      return;
    }
    BigDecimal n = d.stripTrailingZeros();
    String digits = n.unscaledValue().abs().toString();
    long exponent = (long) digits.length() - n.scale();
    if (exponent < Integer.MIN_VALUE || exponent > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("field " + field + " (DECIMAL): exponent out of range: " + d);
    }
    int mask = sign < 0 ? 0xFF : 0x00;
    out.put(sign < 0 ? DECIMAL_NEGATIVE : DECIMAL_POSITIVE);
    int e = (int) exponent ^ Integer.MIN_VALUE;
    out.putInt(sign < 0 ? ~e : e);
    int len = digits.length();
    int i = 0;
    for (; i + 1 < len; i += 2) {
      int hi = digits.charAt(i) - '0' + 1;
      int lo = digits.charAt(i + 1) - '0' + 1;
      out.put(((hi << 4) | lo) ^ mask);
    }
    if (i < len) {
      out.put(((digits.charAt(i) - '0' + 1) << 4) ^ mask);
    } else {
      out.put(mask);
    }
  }

  private static BigDecimal getDecimal(KeyReader in) {
    int sign = in.next();
    if (sign == DECIMAL_ZERO) {
      return BigDecimal.ZERO;
    }
    if (sign != DECIMAL_NEGATIVE && sign != DECIMAL_POSITIVE) {
      throw in.corrupt("bad decimal sign " + sign);
    }
    boolean negative = sign == DECIMAL_NEGATIVE;
    int mask = negative ? 0xFF : 0x00;
    int e = in.nextInt();
    int exponent = (negative ? ~e : e) ^ Integer.MIN_VALUE;
    StringBuilder digits = new StringBuilder();
    while (true) {
      int b = in.next() ^ mask;
      int hi = b >>> 4;
      int lo = b & 0x0F;
      if (hi == 0) {
        break;
      }
      digits.append((char) ('0' + hi - 1));
      if (lo == 0) {
        break;
      }
      digits.append((char) ('0' + lo - 1));
    }
    if (digits.length() == 0) {
      throw in.corrupt("decimal without digits");
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    int scale = Math.toIntExact((long) digits.length() - exponent);
    BigDecimal v = new BigDecimal(unscaled, scale);
    return negative ? v.negate() : v;
  }

  /** A position in an encoded key. */
  static final class KeyReader {
    private final byte[] b;
    private int pos;

    KeyReader(byte[] b) {
      this.b = b;
    }

    int position() {
      return pos;
    }

    boolean atEnd() {
      return pos >= b.length;
    }

    int next() {
      if (pos >= b.length) {
        throw corrupt("truncated");
      }
      return b[pos++] & 0xff;
    }

    int nextInt() {
      if (pos + 4 > b.length) {
        throw corrupt("truncated");
      }
      int v = Bytes.getInt(b, pos);
      pos += 4;
      return v;
    }

    long nextLong() {
      if (pos + 8 > b.length) {
        throw corrupt("truncated");
      }
      long v = Bytes.getLong(b, pos);
      pos += 8;
      return v;
    }

    IllegalArgumentException corrupt(String why) {
      return new IllegalArgumentException("malformed key at byte " + pos + ": " + why);
    }
  }
}
