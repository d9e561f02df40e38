package dev.scion.sql.exec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts a value from outside a table (a join's outer row) into the stored value of an integer key column, the
 * way MySQL's {@code =} compares numbers: 7, 7.0 and 7e0 all find 7; 7.5, a value beyond the column's storage range
 * or NULL can equal no stored integer, so they find nothing ({@link #NO_MATCH}).
 */
final class IndexKeys {
    /** Marks a value that no integer key equals. */
    static final Object NO_MATCH = new Object();

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private IndexKeys() {
    }

    /** The key value for {@code v} in a column stored as INT64 ({@code unsigned} false) or UINT64, or NO_MATCH. */
    static Object integerKey(Object v, boolean unsigned) {
        BigInteger i = integral(v);
        if (i == null) {
            return NO_MATCH;
        }
        boolean fits = unsigned ? i.signum() >= 0 && i.compareTo(UINT64_LIMIT) < 0 : i.bitLength() < 64;
        if (!fits) {
            return NO_MATCH;
        }
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    /** The exact integer a numeric value equals, or null when it is NULL, fractional or not a number. */
    private static BigInteger integral(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        BigDecimal d;
        if (v instanceof BigDecimal x) {
            d = x;
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return null;
            }
            d = new BigDecimal(x);
        } else {
            return null;
        }
        d = d.stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigIntegerExact() : null;
    }
}
