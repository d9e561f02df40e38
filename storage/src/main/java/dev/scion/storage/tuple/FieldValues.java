package dev.scion.storage.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Checks and converts the Java values of fields to the primitives the codecs write, and back. Shared by
 * the key and value codecs so both accept exactly the same inputs.
 */
final class FieldValues {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private FieldValues() {}

  static IllegalArgumentException wrong(int field, FieldType type, Object v, String why) {
    return new IllegalArgumentException("field " + field + " (" + type + "): " + why + ", got "
        + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
  }

  static long int64(int field, FieldType type, Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    throw wrong(field, type, v, "expected a Long");
  }

  /** The 64 unsigned bits: a Long is taken as the raw bits; a BigInteger must be in [0, 2^64). */
  static long uint64Bits(int field, FieldType type, Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      long l = ((Number) v).longValue();
      if (l < 0) {
        throw wrong(field, type, v, "expected a non-negative value");
      }
      return l;
    }
    if (v instanceof BigInteger b && b.signum() >= 0 && b.compareTo(TWO_64) < 0) {
      return b.longValue();
    }
    throw wrong(field, type, v, "expected a Long (unsigned bits) or a BigInteger in [0, 2^64)");
  }

  /** Long if the unsigned value fits in a signed long, else BigInteger. */
  static Object uint64Value(long bits) {
    if (bits >= 0) {
      return bits;
    }
    return new BigInteger(Long.toUnsignedString(bits));
  }

  static int year(int field, FieldType type, Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Long || v instanceof Byte) {
      long l = ((Number) v).longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    }
    throw wrong(field, type, v, "expected an Integer year");
  }

  static float float32(int field, FieldType type, Object v) {
    if (v instanceof Float f) {
      return f;
    }
    if (v instanceof Number n) {
      return n.floatValue();
    }
    throw wrong(field, type, v, "expected a Float");
  }

  static double float64(int field, FieldType type, Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Number n && !(v instanceof BigDecimal)) {
      return n.doubleValue();
    }
    throw wrong(field, type, v, "expected a Double");
  }

  static BigDecimal decimal(int field, FieldType type, Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    throw wrong(field, type, v, "expected a BigDecimal");
  }

  static String string(int field, FieldType type, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw wrong(field, type, v, "expected a String");
  }

  static byte[] bytes(int field, FieldType type, Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    throw wrong(field, type, v, "expected a byte[]");
  }

  /** The DATE code of the zero date: below every day a LocalDate within the codec's range gives. */
  static final int ZERO_DATE_DAY = Integer.MIN_VALUE;
  /** The DATETIME code of the zero date: no LocalDateTime reaches it (its micros would overflow first). */
  static final long ZERO_DATETIME_MICROS = Long.MIN_VALUE;

  static int epochDay(int field, FieldType type, Object v) {
    if (v instanceof ZeroDate) {
      return ZERO_DATE_DAY;
    }
    if (v instanceof LocalDate d) {
      long day = d.toEpochDay();
      if (day > ZERO_DATE_DAY && day <= Integer.MAX_VALUE) {
        return (int) day;
      }
      throw wrong(field, type, v, "date out of range");
    }
    throw wrong(field, type, v, "expected a LocalDate");
  }

  static Object date(long epochDay) {
    return epochDay == ZERO_DATE_DAY ? ZeroDate.DATE : LocalDate.ofEpochDay(epochDay);
  }

  /** TIME as signed microseconds. */
  static long timeMicros(int field, FieldType type, Object v) {
    if (v instanceof Duration d) {
      if (d.getNano() % 1000 != 0) {
        throw wrong(field, type, v, "TIME has microsecond precision");
      }
      try {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), MICROS_PER_SECOND), d.getNano() / 1000);
      } catch (ArithmeticException e) {
        throw wrong(field, type, v, "TIME out of range");
      }
    }
    throw wrong(field, type, v, "expected a Duration");
  }

  static Duration time(long micros) {
    return Duration.ofSeconds(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /** DATETIME as signed microseconds since 1970-01-01T00:00 (no zone). */
  static long dateTimeMicros(int field, FieldType type, Object v) {
    if (v instanceof ZeroDate) {
      return ZERO_DATETIME_MICROS;
    }
    if (v instanceof LocalDateTime t) {
      if (t.getNano() % 1000 != 0) {
        throw wrong(field, type, v, "DATETIME has microsecond precision");
      }
      try {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), MICROS_PER_SECOND),
            t.getNano() / 1000);
      } catch (ArithmeticException e) {
        throw wrong(field, type, v, "DATETIME out of range");
      }
    }
    throw wrong(field, type, v, "expected a LocalDateTime");
  }

  static Object dateTime(long micros) {
    if (micros == ZERO_DATETIME_MICROS) {
      return ZeroDate.DATETIME;
    }
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
  }

  /** BIT: up to 64 bits, held in a Long (BigInteger accepted if it fits in 64 unsigned bits). */
  static long bit(int field, FieldType type, Object v) {
    return uint64Bits(field, type, v);
  }
}
