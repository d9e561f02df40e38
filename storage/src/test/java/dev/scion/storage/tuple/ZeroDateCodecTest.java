package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The zero date's codes in DATE and DATETIME fields: round trip, and key order NULL < zero < every real date. */
class ZeroDateCodecTest {
  private static final TupleDescriptor D = new TupleDescriptor(FieldType.DATE, FieldType.DATETIME);

  @Test
  void roundTripsInKeysAndValues() {
    Object[] row = {ZeroDate.DATE, ZeroDate.DATETIME};
    assertArrayEquals(row, D.decodeKey(D.encodeKey(row)));
    assertArrayEquals(row, D.decodeValue(D.encodeValue(row)));
  }

  @Test
  void eitherConstantIsTheFieldsZero() {
    Object[] decoded = D.decodeValue(D.encodeValue(new Object[] {ZeroDate.DATETIME, ZeroDate.DATE}));
    assertArrayEquals(new Object[] {ZeroDate.DATE, ZeroDate.DATETIME}, decoded);
  }

  @Test
  void sortsAfterNullAndBeforeTheEarliestDates() {
    byte[] nul = D.encodeKey(new Object[] {null, null});
    byte[] zero = D.encodeKey(new Object[] {ZeroDate.DATE, ZeroDate.DATETIME});
    byte[] first = D.encodeKey(new Object[] {LocalDate.of(0, 1, 1), LocalDateTime.of(0, 1, 1, 0, 0)});
    byte[] farBack = D.encodeKey(new Object[] {LocalDate.ofEpochDay(Integer.MIN_VALUE + 1L), null});
    assertTrue(KeyBytes.compare(nul, zero) < 0);
    assertTrue(KeyBytes.compare(zero, first) < 0);
    assertTrue(KeyBytes.compare(zero, farBack) < 0);
    byte[] zeroTime = new TupleDescriptor(FieldType.DATETIME).encodeKey(new Object[] {ZeroDate.DATETIME});
    byte[] minTime = new TupleDescriptor(FieldType.DATETIME).encodeKey(new Object[] {LocalDateTime.of(-200000, 1, 1, 0, 0)});
    assertTrue(KeyBytes.compare(zeroTime, minTime) < 0);
  }

  @Test
  void theZeroCodeIsNoLocalDate() {
    Object[] taken = {LocalDate.ofEpochDay(Integer.MIN_VALUE), null};
    assertThrows(IllegalArgumentException.class, () -> D.encodeKey(taken));
    assertEquals(ZeroDate.DATE.toString(), "0000-00-00");
  }
}
