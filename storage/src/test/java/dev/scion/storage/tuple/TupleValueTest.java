package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The compact value encoding round-trips exactly, is canonical, and decodes single fields. */
class TupleValueTest {

  @ParameterizedTest
  @EnumSource(FieldType.class)
  void valuesRoundTrip(FieldType type) {
    Random r = new Random(type.ordinal() * 13L + 1);
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64, type, FieldType.STRING);
    for (int i = 0; i < 3000; i++) {
      Object v = r.nextInt(10) == 0 ? null : FieldSamples.random(type, r);
      Object[] tuple = {r.nextLong(), v, r.nextBoolean() ? null : "tail"};
      byte[] enc = d.encodeValue(tuple);
      Object[] back = d.decodeValue(enc);
      assertEquals(tuple[0], back[0]);
      assertTrue(FieldSamples.sameValue(type, v, back[1]), () -> type + ": " + v + " -> " + back[1]);
      assertEquals(tuple[2], back[2]);
      for (int f = 0; f < 3; f++) {
        Object single = d.decodeValueField(enc, f);
        assertTrue(FieldSamples.sameValue(d.type(f), back[f], single));
      }
    }
  }

  @Test
  void randomTuplesRoundTripFieldByField() {
    FieldType[] types = FieldType.values();
    TupleDescriptor d = new TupleDescriptor(types);
    Random r = new Random(5);
    for (int i = 0; i < 2000; i++) {
      Object[] tuple = new Object[types.length];
      for (int f = 0; f < types.length; f++) {
        tuple[f] = r.nextInt(3) == 0 ? null : FieldSamples.random(types[f], r);
      }
      byte[] enc = d.encodeValue(tuple);
      Object[] back = d.decodeValue(enc);
      boolean[] wanted = new boolean[types.length];
      for (int f = 0; f < types.length; f++) {
        wanted[f] = r.nextBoolean();
      }
      // a masked decode gives the wanted fields and leaves the others null
      Object[] some = d.decodeWantedFields(enc, wanted);
      for (int f = 0; f < types.length; f++) {
        assertTrue(FieldSamples.sameValue(types[f], tuple[f], back[f]), types[f] + ": " + tuple[f] + " -> " + back[f]);
        assertTrue(FieldSamples.sameValue(types[f], tuple[f], d.decodeValueField(enc, f)));
        if (wanted[f]) {
          assertTrue(FieldSamples.sameValue(types[f], tuple[f], some[f]), types[f] + ": " + tuple[f] + " -> " + some[f]);
        } else {
          assertNull(some[f], types[f] + " was not asked for");
        }
      }
    }
  }

  @Test
  void aMaskShorterThanTheTupleDecodesOnlyWhatItCovers() {
    // as a reader of an older, narrower row layout would pass
    Object[] full = {1L, "b"};
    TupleDescriptor two = new TupleDescriptor(FieldType.INT64, FieldType.STRING);
    assertArrayEquals(new Object[] {1L, null}, two.decodeWantedFields(two.encodeValue(full), new boolean[] {true}));
  }

  @Test
  void trailingNullsAreTrimmedSoEncodingIsCanonical() {
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.DECIMAL);
    assertArrayEquals(d.encodeValue(new Object[] {1L}), d.encodeValue(new Object[] {1L, null, null}));
    assertArrayEquals(d.encodeValue(new Object[] {1L, null}), d.encodeValue(new Object[] {1L, null, null}));
    assertEquals(0, d.encodeValue(new Object[] {null, null, null}).length);
    assertArrayEquals(new Object[] {null, null, null}, d.decodeValue(new byte[0]));
    assertNull(d.decodeValueField(d.encodeValue(new Object[] {1L}), 2));
    assertEquals("", d.decodeValueField(d.encodeValue(new Object[] {null, ""}), 1), "empty string is not NULL");
    assertNull(d.decodeValueField(d.encodeValue(new Object[] {null, ""}), 0));
  }

  @Test
  void valuesKeepDecimalScaleAndNegativeZero() {
    TupleDescriptor d = new TupleDescriptor(FieldType.DECIMAL, FieldType.FLOAT64, FieldType.UINT64);
    Object[] back = d.decodeValue(d.encodeValue(new Object[] {new BigDecimal("1.500"), -0.0, -1L}));
    assertEquals(new BigDecimal("1.500"), back[0]);
    assertEquals(3, ((BigDecimal) back[0]).scale());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back[1]));
    assertEquals(new BigInteger("18446744073709551615"), back[2]);
  }

  @Test
  void integersAreStoredCompactly() {
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64);
    assertEquals(1 + 2 + 1 + 2, d.encodeValue(new Object[] {-5L}).length); // 1 byte + offset + bitmap + trailer
    assertEquals(8 + 2 + 1 + 2, d.encodeValue(new Object[] {Long.MIN_VALUE}).length);
    assertEquals(0 + 2 + 1 + 2, d.encodeValue(new Object[] {0L}).length);
  }

  @Test
  void wideValuesUseFourByteOffsets() {
    TupleDescriptor d = new TupleDescriptor(FieldType.BYTES, FieldType.STRING, FieldType.INT64);
    byte[] big = new byte[200_000];
    new Random(1).nextBytes(big);
    byte[] enc = d.encodeValue(new Object[] {big, "x", 7L});
    assertArrayEquals(big, (byte[]) d.decodeValueField(enc, 0));
    assertEquals("x", d.decodeValueField(enc, 1));
    assertEquals(7L, d.decodeValueField(enc, 2));
  }

  @Test
  void sysbenchRowIsSmall() {
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.STRING);
    byte[] enc = d.encodeValue(new Object[] {498_765L, "c".repeat(120), "p".repeat(60)});
    assertTrue(enc.length <= 195, "encoded " + enc.length);
  }

  @Test
  void malformedInputIsRejected() {
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64);
    assertThrows(IllegalArgumentException.class, () -> d.decodeValue(new byte[] {1}));
    assertThrows(IllegalArgumentException.class, () -> d.decodeValue(new byte[] {0, 0, 0, 5}));
    assertThrows(IllegalArgumentException.class, () -> d.encodeValue(new Object[] {1L, 2L}));
    assertThrows(IndexOutOfBoundsException.class, () -> d.decodeValueField(new byte[0], 1));
  }
}
