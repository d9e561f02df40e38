package dev.scion.wire.value;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MySqlNumberFormatTest {

    @Test
    void doublesPrintLikeMysql() {
        assertEquals("1", MySqlNumberFormat.formatDouble(1.0));
        assertEquals("0.1", MySqlNumberFormat.formatDouble(0.1));
        assertEquals("1e20", MySqlNumberFormat.formatDouble(1e20));
        assertEquals("1.5e-7", MySqlNumberFormat.formatDouble(1.5e-7));
        assertEquals("-2.5", MySqlNumberFormat.formatDouble(-2.5));
        assertEquals("0", MySqlNumberFormat.formatDouble(0.0));
        assertEquals("-0", MySqlNumberFormat.formatDouble(-0.0));
        assertEquals("0.30000000000000004", MySqlNumberFormat.formatDouble(0.1 + 0.2));
        assertEquals("100000000000000", MySqlNumberFormat.formatDouble(1e14));
        assertEquals("1e15", MySqlNumberFormat.formatDouble(1e15));
        assertEquals("1.2345678901234568e17", MySqlNumberFormat.formatDouble(1.2345678901234568e17));
        assertEquals("1234567890123456.8", MySqlNumberFormat.formatDouble(1234567890123456.8));
        assertEquals("0.0001", MySqlNumberFormat.formatDouble(0.0001));
        assertEquals("1e-5", MySqlNumberFormat.formatDouble(0.00001));
        assertEquals("1.7976931348623157e308", MySqlNumberFormat.formatDouble(Double.MAX_VALUE));
        assertEquals("5e-324", MySqlNumberFormat.formatDouble(Double.MIN_VALUE));
        assertEquals("3.141592653589793", MySqlNumberFormat.formatDouble(Math.PI));
        assertEquals("12345.678", MySqlNumberFormat.formatDouble(12345.678));
    }

    @Test
    void doublesRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = MySqlNumberFormat.formatDouble(d);
            assertEquals(d, Double.parseDouble(s), s);
        }
    }

    @Test
    void floatsUseAtMostSixSignificantDigits() {
        assertEquals("1.5", MySqlNumberFormat.formatFloat(1.5f));
        assertEquals("0.1", MySqlNumberFormat.formatFloat(0.1f));
        assertEquals("3.14159", MySqlNumberFormat.formatFloat(3.1415927f));
        assertEquals("1234570", MySqlNumberFormat.formatFloat(1234567f));
        assertEquals("1e20", MySqlNumberFormat.formatFloat(1e20f));
        assertEquals("-7", MySqlNumberFormat.formatFloat(-7f));
    }
}
