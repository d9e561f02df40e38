package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * For each MySQL column type, the storage type it maps to and a property check: random values of the
 * type's own domain (with NULLs) sort by encoded key bytes exactly as SQL orders them.
 */
class MysqlTypeKeyOrderTest {
  private record MysqlType(String name, FieldType storage, Function<Random, Object> values, Comparator<Object> sqlOrder) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Comparator<Object> natural() {
    return (a, b) -> {
      @SuppressWarnings({"unchecked", "rawtypes"})
      int c = ((Comparable) a).compareTo(b);
      return c;
    };
  }

  private static Function<Random, Object> ints(long min, long max) {
    return r -> min + (long) (r.nextDouble() * ((double) max - min + 1));
  }

  private static Function<Random, Object> unsigned(int bits) {
    return r -> {
      BigInteger v = new BigInteger(bits, r);
      return bits == 64 ? v : (Object) v.longValue();
    };
  }

  private static final Comparator<Object> UNSIGNED = Comparator.comparing(
      o -> o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue()));

  private static Function<Random, Object> decimal(int precision, int scale) {
    return r -> {
      BigInteger unscaled = new BigInteger(precision * 3, r).mod(BigInteger.TEN.pow(precision));
      BigDecimal d = new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), scale);
      return d;
    };
  }

  private static Function<Random, Object> dateTime(int fsp) {
    return r -> {
      long second = LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC)
          + (long) (r.nextDouble() * 9000L * 365 * 86400);
      long unit = (long) Math.pow(10, 6 - fsp);
      long micros = r.nextInt(1_000_000) / unit * unit;
      return LocalDateTime.ofEpochSecond(second, (int) micros * 1000, java.time.ZoneOffset.UTC);
    };
  }

  static Stream<Arguments> types() {
    List<MysqlType> t = new ArrayList<>();
    t.add(new MysqlType("TINYINT", FieldType.INT64, ints(-128, 127), natural()));
    t.add(new MysqlType("SMALLINT", FieldType.INT64, ints(-32768, 32767), natural()));
    t.add(new MysqlType("MEDIUMINT", FieldType.INT64, ints(-8388608, 8388607), natural()));
    t.add(new MysqlType("INT", FieldType.INT64, ints(Integer.MIN_VALUE, Integer.MAX_VALUE), natural()));
    t.add(new MysqlType("BIGINT", FieldType.INT64, r -> r.nextLong(), natural()));
    t.add(new MysqlType("TINYINT UNSIGNED", FieldType.UINT64, unsigned(8), UNSIGNED));
    t.add(new MysqlType("INT UNSIGNED", FieldType.UINT64, unsigned(32), UNSIGNED));
    t.add(new MysqlType("BIGINT UNSIGNED", FieldType.UINT64, unsigned(64), UNSIGNED));
    t.add(new MysqlType("DECIMAL(10,2)", FieldType.DECIMAL, decimal(10, 2), natural()));
    t.add(new MysqlType("DECIMAL(65,30)", FieldType.DECIMAL, decimal(65, 30), natural()));
    t.add(new MysqlType("FLOAT", FieldType.FLOAT32, r -> (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10)), natural()));
    t.add(new MysqlType("DOUBLE", FieldType.FLOAT64, r -> r.nextGaussian() * Math.pow(10, r.nextInt(200) - 100), natural()));
    t.add(new MysqlType("VARCHAR utf8mb4_bin", FieldType.STRING, FieldSamples::randomString,
        (a, b) -> FieldSamples.compareCodePoints((String) a, (String) b)));
    t.add(new MysqlType("VARBINARY / BLOB", FieldType.BYTES, r -> {
      byte[] b = new byte[r.nextInt(6)];
      r.nextBytes(b);
      return b;
    }, (a, b) -> java.util.Arrays.compareUnsigned((byte[]) a, (byte[]) b)));
    t.add(new MysqlType("DATE", FieldType.DATE, r -> LocalDate.of(1000, 1, 1).plusDays(r.nextInt(9000 * 365)), natural()));
    t.add(new MysqlType("TIME(6)", FieldType.TIME,
        r -> Duration.ofNanos((long) ((r.nextDouble() * 2 - 1) * 838 * 3600e9) / 1000 * 1000), natural()));
    for (int fsp : new int[] {0, 3, 6}) {
      t.add(new MysqlType("DATETIME(" + fsp + ")", FieldType.DATETIME, dateTime(fsp), natural()));
    }
    t.add(new MysqlType("TIMESTAMP (as UTC DATETIME)", FieldType.DATETIME, r -> LocalDateTime.ofEpochSecond(
        1 + r.nextInt(Integer.MAX_VALUE - 1), 0, java.time.ZoneOffset.UTC), natural()));
    t.add(new MysqlType("YEAR", FieldType.YEAR, r -> r.nextInt(10) == 0 ? 0 : 1901 + r.nextInt(255), natural()));
    t.add(new MysqlType("BIT(64)", FieldType.BIT, r -> r.nextLong(), (a, b) -> Long.compareUnsigned((Long) a, (Long) b)));
    // ENUM sorts by index (0 = the '' error value), SET by its bitmask as a number.
    t.add(new MysqlType("ENUM (index)", FieldType.UINT64, r -> (long) r.nextInt(65536), UNSIGNED));
    t.add(new MysqlType("SET (bitmask)", FieldType.UINT64, unsigned(64), UNSIGNED));
    return t.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void keyByteOrderIsSqlOrder(MysqlType type) {
    Random r = new Random(type.name().hashCode());
    TupleDescriptor d = new TupleDescriptor(type.storage());
    Comparator<Object> sql = Comparator.nullsFirst(type.sqlOrder());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      values.add(r.nextInt(20) == 0 ? null : type.values().apply(r));
    }
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < values.size(); j += 7) {
        Object a = values.get(i);
        Object b = values.get(j);
        int expected = Integer.signum(sql.compare(a, b));
        int actual = Integer.signum(KeyBytes.compare(d.encodeKey(new Object[] {a}), d.encodeKey(new Object[] {b})));
        assertEquals(expected, actual, type + ": " + a + " vs " + b);
      }
    }
  }

  private static int foldCompare(String a, String b) {
    return referenceCi(a).compareTo(referenceCi(b));
  }

  /** The reference ci order: fold each code point, strip trailing spaces, compare code points. */
  private static String referenceCi(String s) {
    StringBuilder sb = new StringBuilder();
    s.replaceAll(" +$", "").codePoints()
        .forEach(cp -> sb.append(String.format("%08x", Character.toUpperCase(Character.toLowerCase(cp)))));
    return sb.toString();
  }

  @Test
  void caseInsensitiveSortKeysOrderKeysByTheCollation() {
    TupleDescriptor d = new TupleDescriptor(FieldType.STRING, FieldType.INT64).withSortKey(0, SortKeys.CASE_INSENSITIVE);
    Random r = new Random(9);
    String alphabet = "aAbBzZ éÉßẞ\u00001";
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(5); k > 0; k--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      strings.add(sb.toString());
    }
    for (String a : strings) {
      for (String b : strings) {
        int expected = Integer.signum(foldCompare(a, b));
        int actual = Integer.signum(KeyBytes.compare(d.encodeKey(new Object[] {a, 1L}), d.encodeKey(new Object[] {b, 1L})));
        assertEquals(expected, actual, "'" + a + "' vs '" + b + "'");
      }
    }
    assertArrayEquals(d.encodeKey(new Object[] {"Hello", 5L}), d.encodeKey(new Object[] {"hELLO  ", 5L}));
    assertArrayEquals("HELLO".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        (byte[]) d.decodeKey(d.encodeKey(new Object[] {"hello", 5L}))[0]);
    assertEquals(5L, d.decodeKey(d.encodeKey(new Object[] {"hello", 5L}))[1]);
    assertNull(d.decodeKey(d.encodeKey(new Object[] {null, 5L}))[0]);
    assertThrows(IllegalArgumentException.class,
        () -> new TupleDescriptor(FieldType.INT64).withSortKey(0, SortKeys.CASE_INSENSITIVE));
  }

  @Test
  void decimalKeysIgnoreScaleLikeSql() {
    TupleDescriptor d = new TupleDescriptor(FieldType.DECIMAL);
    assertArrayEquals(d.encodeKey(new Object[] {new BigDecimal("1.50")}), d.encodeKey(new Object[] {new BigDecimal("1.5")}));
    assertTrue(KeyBytes.compare(d.encodeKey(new Object[] {new BigDecimal("-0.01")}),
        d.encodeKey(new Object[] {BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY)})) < 0);
  }
}
