package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The key encoding's byte order is the SQL order, and keys round-trip. */
class TupleKeyTest {

  @ParameterizedTest
  @EnumSource(FieldType.class)
  void byteOrderEqualsNaturalOrder(FieldType type) {
    Random r = new Random(type.ordinal() * 31L + 7);
    TupleDescriptor d = new TupleDescriptor(type);
    Comparator<Object> order = FieldSamples.orderWithNulls(type);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      values.add(r.nextInt(50) == 0 ? null : FieldSamples.random(type, r));
    }
    for (int i = 0; i < 20_000; i++) {
      Object a = values.get(r.nextInt(values.size()));
      Object b = values.get(r.nextInt(values.size()));
      int expected = Integer.signum(order.compare(a, b));
      int actual = Integer.signum(KeyBytes.compare(d.encodeKey(new Object[] {a}), d.encodeKey(new Object[] {b})));
      assertEquals(expected, actual, () -> type + ": " + show(a) + " vs " + show(b));
    }
  }

  @ParameterizedTest
  @EnumSource(FieldType.class)
  void keysRoundTrip(FieldType type) {
    Random r = new Random(type.ordinal() * 17L + 3);
    TupleDescriptor d = new TupleDescriptor(type, FieldType.INT64);
    for (int i = 0; i < 3000; i++) {
      Object v = r.nextInt(20) == 0 ? null : FieldSamples.random(type, r);
      Object[] decoded = d.decodeKey(d.encodeKey(new Object[] {v, 42L}));
      assertTrue(FieldSamples.sameKeyValue(type, v, decoded[0]), () -> type + ": " + show(v) + " -> " + show(decoded[0]));
      assertEquals(42L, decoded[1], "the next field is intact");
    }
  }

  @Test
  void compositeKeysCompareFieldByField() {
    FieldType[] types = {FieldType.STRING, FieldType.INT64, FieldType.BYTES, FieldType.DECIMAL, FieldType.FLOAT64};
    TupleDescriptor d = new TupleDescriptor(types);
    Random r = new Random(99);
    List<Object[]> tuples = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object[] t = new Object[types.length];
      for (int f = 0; f < types.length; f++) {
        // few distinct values per field so ties force comparisons into later fields
        Random small = new Random(r.nextInt(4) + f * 100L);
        t[f] = r.nextInt(8) == 0 ? null : FieldSamples.random(types[f], small);
      }
      tuples.add(t);
    }
    Comparator<Object[]> sqlOrder = (a, b) -> {
      for (int f = 0; f < types.length; f++) {
        int c = FieldSamples.orderWithNulls(types[f]).compare(a[f], b[f]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    for (int i = 0; i < 20_000; i++) {
      Object[] a = tuples.get(r.nextInt(tuples.size()));
      Object[] b = tuples.get(r.nextInt(tuples.size()));
      assertEquals(Integer.signum(sqlOrder.compare(a, b)),
          Integer.signum(KeyBytes.compare(d.encodeKey(a), d.encodeKey(b))));
    }
  }

  @Test
  void prefixesSortBeforeExtensions() {
    TupleDescriptor s = new TupleDescriptor(FieldType.STRING, FieldType.INT64);
    byte[] a = s.encodeKey(new Object[] {"a", Long.MAX_VALUE});
    byte[] a0 = s.encodeKey(new Object[] {"a\0", Long.MIN_VALUE});
    byte[] a00 = s.encodeKey(new Object[] {"a\0\0", Long.MIN_VALUE});
    byte[] ab = s.encodeKey(new Object[] {"ab", Long.MIN_VALUE});
    byte[] empty = s.encodeKey(new Object[] {"", Long.MAX_VALUE});
    byte[] nul = s.encodeKey(new Object[] {null, Long.MAX_VALUE});
    assertTrue(KeyBytes.compare(nul, empty) < 0);
    assertTrue(KeyBytes.compare(empty, a) < 0);
    assertTrue(KeyBytes.compare(a, a0) < 0);
    assertTrue(KeyBytes.compare(a0, a00) < 0);
    assertTrue(KeyBytes.compare(a00, ab) < 0);

    TupleDescriptor b = new TupleDescriptor(FieldType.BYTES, FieldType.BYTES);
    byte[] x = b.encodeKey(new Object[] {new byte[] {1}, new byte[] {(byte) 0xFF}});
    byte[] x0 = b.encodeKey(new Object[] {new byte[] {1, 0}, new byte[] {}});
    byte[] xff = b.encodeKey(new Object[] {new byte[] {1, (byte) 0xFF}, new byte[] {}});
    assertTrue(KeyBytes.compare(x, x0) < 0);
    assertTrue(KeyBytes.compare(x0, xff) < 0);
  }

  @Test
  void partialKeysArePrefixesOfFullKeys() {
    TupleDescriptor d = new TupleDescriptor(FieldType.STRING, FieldType.INT64, FieldType.DATE);
    byte[] prefix = d.encodeKey(new Object[] {"abc"});
    byte[] full = d.encodeKey(new Object[] {"abc", 5L, java.time.LocalDate.of(2024, 1, 2)});
    byte[] other = d.encodeKey(new Object[] {"abcd", 5L, null});
    assertArrayEquals(prefix, java.util.Arrays.copyOf(full, prefix.length));
    assertFalse(java.util.Arrays.equals(prefix, java.util.Arrays.copyOf(other, prefix.length)));
  }

  @Test
  void equalValuesEncodeIdentically() {
    TupleDescriptor dec = new TupleDescriptor(FieldType.DECIMAL);
    assertArrayEquals(dec.encodeKey(new Object[] {new BigDecimal("1.5")}), dec.encodeKey(new Object[] {new BigDecimal("1.50")}));
    assertArrayEquals(dec.encodeKey(new Object[] {new BigDecimal("0")}), dec.encodeKey(new Object[] {new BigDecimal("0.000")}));
    assertArrayEquals(dec.encodeKey(new Object[] {new BigDecimal("100")}), dec.encodeKey(new Object[] {new BigDecimal("1E+2")}));
    assertTrue(KeyBytes.compare(dec.encodeKey(new Object[] {new BigDecimal("1.5")}),
        dec.encodeKey(new Object[] {new BigDecimal("1.50001")})) < 0);
    assertTrue(KeyBytes.compare(dec.encodeKey(new Object[] {new BigDecimal("1.50001")}),
        dec.encodeKey(new Object[] {new BigDecimal("2")})) < 0);
    TupleDescriptor f = new TupleDescriptor(FieldType.FLOAT64);
    assertArrayEquals(f.encodeKey(new Object[] {-0.0}), f.encodeKey(new Object[] {0.0}));
    TupleDescriptor u = new TupleDescriptor(FieldType.UINT64);
    assertArrayEquals(u.encodeKey(new Object[] {-1L}), u.encodeKey(new Object[] {new BigInteger("18446744073709551615")}));
    assertEquals(new BigInteger("18446744073709551615"), u.decodeKey(u.encodeKey(new Object[] {-1L}))[0]);
    assertEquals(7L, u.decodeKey(u.encodeKey(new Object[] {BigInteger.valueOf(7)}))[0]);
  }

  @Test
  void badValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.FLOAT64).encodeKey(new Object[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.FLOAT32).encodeKey(new Object[] {Float.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.INT64).encodeKey(new Object[] {"1"}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.UINT64).encodeKey(new Object[] {BigInteger.ONE.shiftLeft(64)}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.UINT64).encodeKey(new Object[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.TIME).encodeKey(new Object[] {java.time.Duration.ofNanos(1)}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.INT64).encodeKey(new Object[] {1L, 2L}));
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.STRING).decodeKey(new byte[] {1, 'a', 0, 7}));
    byte[] twoFields = new TupleDescriptor(FieldType.INT64, FieldType.INT64).encodeKey(new Object[] {1L, 2L});
    assertThrows(IllegalArgumentException.class, () -> new TupleDescriptor(FieldType.INT64).decodeKey(twoFields));
  }

  @Test
  void stringKeysUseUtf8ByteOrder() {
    TupleDescriptor d = new TupleDescriptor(FieldType.STRING);
    String bmpHigh = "\uffff";
    String astral = "\ud83d\ude00"; // U+1F600: after U+FFFF in code point order, before it in UTF-16 order
    assertTrue(KeyBytes.compare(d.encodeKey(new Object[] {bmpHigh}), d.encodeKey(new Object[] {astral})) < 0);
    assertEquals(astral, d.decodeKey(d.encodeKey(new Object[] {astral}))[0]);
    assertEquals(1 + 4 + 2, d.encodeKey(new Object[] {astral}).length);
    assertEquals("\u00e9".getBytes(StandardCharsets.UTF_8).length + 3, d.encodeKey(new Object[] {"\u00e9"}).length);
  }

  private static String show(Object v) {
    if (v instanceof byte[] b) {
      return java.util.Arrays.toString(b);
    }
    if (v instanceof String s) {
      return s.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
    return String.valueOf(v) + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")");
  }
}
