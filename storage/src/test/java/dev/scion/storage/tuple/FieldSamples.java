package dev.scion.storage.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/** Random values of each field type, and their SQL order (NULL first). */
final class FieldSamples {
  private FieldSamples() {}

  private static final String[] PIECES = {"", "a", "b", "\0", "\u00ff", "\u00e9", "z", "\u4e2d", "\ud83d\ude00", "\uffff", "A", "ab"};

  static Object random(FieldType t, Random r) {
    return switch (t) {
      case INT64 -> pick(r, new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}, r.nextLong() >> r.nextInt(64));
      case UINT64 -> {
        long bits = pick(r, new long[] {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1}, r.nextLong() >>> r.nextInt(64));
        yield r.nextBoolean() ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
      }
      case BIT -> pick(r, new long[] {0, 1, -1, Long.MIN_VALUE}, r.nextLong() >>> r.nextInt(64));
      case YEAR -> r.nextInt(5) == 0 ? 0 : 1901 + r.nextInt(255);
      case DECIMAL -> randomDecimal(r);
      case FLOAT32 -> {
        float[] special = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f, -1.5f};
        float f;
        do {
          f = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : Float.intBitsToFloat(r.nextInt());
        } while (Float.isNaN(f));
        yield f;
      }
      case FLOAT64 -> {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -1.5};
        double d;
        do {
          d = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : Double.longBitsToDouble(r.nextLong());
        } while (Double.isNaN(d));
        yield d;
      }
      case STRING, JSON -> randomString(r);
      case BYTES -> {
        byte[] b = new byte[r.nextInt(6)];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xFE, 0xFF}[r.nextInt(6)];
        }
        yield b;
      }
      case DATE -> LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000);
      case TIME -> Duration.ofNanos((r.nextLong() % (839L * 3600 * 1_000_000)) * 1000);
      case DATETIME -> LocalDateTime.of(1000, 1, 1, 0, 0)
          .plusSeconds((long) (r.nextDouble() * 9000L * 365 * 86400))
          .plusNanos(r.nextInt(1_000_000) * 1000L);
    };
  }

  private static long pick(Random r, long[] special, long otherwise) {
    return r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : otherwise;
  }

  static String randomString(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  static BigDecimal randomDecimal(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return new BigDecimal(BigInteger.ZERO, r.nextInt(10) - 3);
      case 1: {
        // the same value at different scales
        BigDecimal base = BigDecimal.valueOf(r.nextInt(2001) - 1000, r.nextInt(4));
        return base.setScale(base.scale() + r.nextInt(4));
      }
      default: {
        BigInteger unscaled = new BigInteger(1 + r.nextInt(100), r);
        if (r.nextBoolean()) {
          unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, r.nextInt(40) - 15);
      }
    }
  }

  /** SQL order of non-null values of a type. */
  static Comparator<Object> order(FieldType t) {
    return switch (t) {
      case INT64 -> Comparator.comparingLong(o -> (Long) o);
      case UINT64 -> Comparator.comparing(FieldSamples::unsigned);
      case BIT -> (a, b) -> Long.compareUnsigned((Long) a, (Long) b);
      case YEAR -> Comparator.comparingInt(o -> ((Number) o).intValue());
      case DECIMAL -> (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
      case FLOAT32 -> (a, b) -> (float) a == (float) b ? 0 : Float.compare((float) a, (float) b);
      case FLOAT64 -> (a, b) -> (double) a == (double) b ? 0 : Double.compare((double) a, (double) b);
      case STRING, JSON -> (a, b) -> compareCodePoints((String) a, (String) b);
      case BYTES -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case DATE -> (a, b) -> ((LocalDate) a).compareTo((LocalDate) b);
      case TIME -> (a, b) -> ((Duration) a).compareTo((Duration) b);
      case DATETIME -> (a, b) -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
    };
  }

  static Comparator<Object> orderWithNulls(FieldType t) {
    return Comparator.nullsFirst(order(t));
  }

  static BigInteger unsigned(Object o) {
    if (o instanceof BigInteger b) {
      return b;
    }
    return new BigInteger(Long.toUnsignedString((Long) o));
  }

  static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return Arrays.compare(x, y);
  }

  /** Whether a decoded key value represents the original (keys normalise decimals, -0.0 and UINT64 form). */
  static boolean sameKeyValue(FieldType t, Object original, Object decoded) {
    if (original == null || decoded == null) {
      return original == decoded;
    }
    return order(t).compare(original, decoded) == 0 && canonicalKeyForm(t, decoded);
  }

  private static boolean canonicalKeyForm(FieldType t, Object decoded) {
    return switch (t) {
      case DECIMAL -> ((BigDecimal) decoded).signum() == 0
          ? decoded.equals(BigDecimal.ZERO)
          : decoded.equals(((BigDecimal) decoded).stripTrailingZeros());
      case UINT64 -> decoded instanceof Long l ? l >= 0 : ((BigInteger) decoded).bitLength() == 64;
      case FLOAT32 -> Float.floatToRawIntBits((Float) decoded) != Float.floatToRawIntBits(-0.0f);
      case FLOAT64 -> Double.doubleToRawLongBits((Double) decoded) != Double.doubleToRawLongBits(-0.0);
      default -> true;
    };
  }

  /** Whether a decoded value field is exactly the original (values keep decimal scale and -0.0). */
  static boolean sameValue(FieldType t, Object original, Object decoded) {
    if (original == null || decoded == null) {
      return original == decoded;
    }
    return switch (t) {
      case BYTES -> Arrays.equals((byte[]) original, (byte[]) decoded);
      case UINT64 -> unsigned(original).equals(unsigned(decoded))
          && (decoded instanceof Long l ? l >= 0 : ((BigInteger) decoded).bitLength() == 64);
      case YEAR -> ((Number) original).intValue() == (Integer) decoded;
      default -> original.equals(decoded);
    };
  }
}
