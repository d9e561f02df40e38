package dev.scion.wire.value;

import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.WireColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TextValueEncoderTest {

    private static WireColumn column(MySqlType type, int decimals) {
        return new WireColumn("", "", "", "c", "c", WireColumn.BINARY, 20, type, Set.of(), decimals);
    }

    private static String text(Object value, MySqlType type, int decimals) {
        return TextValueEncoder.toText(value, column(type, decimals));
    }

    @Test
    void numbers() {
        assertEquals("42", text(42L, MySqlType.LONGLONG, 0));
        assertEquals("18446744073709551615", text(new BigInteger("18446744073709551615"), MySqlType.LONGLONG, 0));
        assertEquals("0.00000001", text(new BigDecimal("1E-8"), MySqlType.NEWDECIMAL, 31));
        assertEquals("1.50", text(new BigDecimal("1.5"), MySqlType.NEWDECIMAL, 2));
        assertEquals("100", text(new BigDecimal("1E+2"), MySqlType.NEWDECIMAL, 0));
        assertEquals("1", text(1.0, MySqlType.DOUBLE, 31));
        assertEquals("2.50", text(2.5, MySqlType.DOUBLE, 2));
        assertEquals("1", text(true, MySqlType.TINY, 0));
    }

    @Test
    void aYearHasFourDigits() {
        assertEquals("0000", text(0L, MySqlType.YEAR, 0));
        assertEquals("2155", text(2155L, MySqlType.YEAR, 0));
    }

    @Test
    void temporal() {
        LocalDateTime t = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_900_000);
        assertEquals("2024-01-02 03:04:05", text(t, MySqlType.DATETIME, 0));
        assertEquals("2024-01-02 03:04:05.678", text(t, MySqlType.DATETIME, 3));
        assertEquals("2024-01-02 03:04:05.678900", text(t, MySqlType.TIMESTAMP, 6));
        assertEquals("2024-01-02 03:04:05.678900", text(t, MySqlType.VAR_STRING, 31));
        assertEquals("2024-01-02", text(t, MySqlType.DATE, 0));
        assertEquals("0001-01-01", text(LocalDate.of(1, 1, 1), MySqlType.DATE, 0));
        assertEquals("2024-01-02 00:00:00", text(LocalDate.of(2024, 1, 2), MySqlType.DATETIME, 0));
        assertEquals("838:59:59", text(Duration.ofHours(838).plusMinutes(59).plusSeconds(59), MySqlType.TIME, 0));
        assertEquals("-00:00:01.500000", text(Duration.ofMillis(-1500), MySqlType.TIME, 6));
        assertEquals("00:00:00", text(Duration.ZERO, MySqlType.TIME, 0));
        assertEquals("13:14:15", text(LocalTime.of(13, 14, 15), MySqlType.TIME, 0));
        assertEquals("13:14:15.1", text(LocalTime.of(13, 14, 15, 100_000_000), MySqlType.TIME, 1));
    }

    @Test
    void aZeroDateShowsTheColumnsDigits() {
        // the engine's zero date reaches the wire as a value whose text is the zero date
        Object zero = new Object() {
            @Override
            public String toString() {
                return "0000-00-00 00:00:00";
            }
        };
        assertEquals("0000-00-00 00:00:00.000", text(zero, MySqlType.DATETIME, 3));
        assertEquals("0000-00-00 00:00:00", text(zero, MySqlType.TIMESTAMP, 0));
        assertEquals("0000-00-00 00:00:00", text(zero, MySqlType.VAR_STRING, 31));
    }

    @Test
    void bitValuesAreBigEndianBytes() {
        WireColumn bit = new WireColumn("", "", "", "b", "b", WireColumn.BINARY, 12, MySqlType.BIT, Set.of(), 0);
        assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, TextValueEncoder.toBytes(0xabcL, bit));
    }
}
