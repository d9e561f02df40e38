package dev.scion.it.slt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SltValuesTest {
    @Test
    void realsRoundTheDoublesExactValueHalfEvenAsCPrintfDoes() {
        assertEquals("19.812", SltValues.format("19.8125", 'R')); // exactly representable: the tie goes to even
        assertEquals("19.938", SltValues.format("19.9375", 'R'));
        assertEquals("0.002", SltValues.format("0.0015", 'R')); // the double is a little above the tie
        assertEquals("1.000", SltValues.format("1.0005", 'R')); // the double is a little below the tie
        assertEquals("-7.000", SltValues.format("-7", 'R'));
        assertEquals("NULL", SltValues.format(null, 'R'));
    }

    @Test
    void integersTruncateAndTextBecomesZero() {
        assertEquals("3", SltValues.format("3.9", 'I'));
        assertEquals("0", SltValues.format("abc", 'I'));
    }
}
