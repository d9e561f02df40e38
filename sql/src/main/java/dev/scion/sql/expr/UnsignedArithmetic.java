package dev.scion.sql.expr;

import org.apache.calcite.rel.type.RelDataType;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * MySQL's integer arithmetic when an operand is UNSIGNED: {@code +}, {@code -}, {@code *} and DIV then compute a
 * BIGINT UNSIGNED, and a result outside [0, 2^64) is 1690 "BIGINT UNSIGNED value is out of range", however small
 * ({@code CAST(1 AS UNSIGNED) - 2}). The planner types such a call with one of Calcite's unsigned types (a column's
 * own, {@code TO_UNSIGNED}'s, a literal from 2^63 on), so the choice is made by type, not by the value's size.
 * Values travel as {@code Long} below 2^63 and {@code BigInteger} from there on, as stored BIGINT UNSIGNED values do.
 */
public final class UnsignedArithmetic {
    private UnsignedArithmetic() {
    }

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

    /** Whether {@code type} is one of Calcite's unsigned integer types. */
    public static boolean isUnsigned(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case UTINYINT, USMALLINT, UINTEGER, UBIGINT -> true;
            default -> false;
        };
    }

    public static Object add(Object a, Object b) {
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        return x == null || y == null ? Values.add(a, b) : inRange(x.add(y), a, "+", b);
    }

    public static Object subtract(Object a, Object b) {
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        return x == null || y == null ? Values.subtract(a, b) : inRange(x.subtract(y), a, "-", b);
    }

    public static Object multiply(Object a, Object b) {
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        return x == null || y == null ? Values.multiply(a, b) : inRange(x.multiply(y), a, "*", b);
    }

    /** {@code a DIV b} as BIGINT UNSIGNED: the quotient truncated toward zero; NULL for a zero divisor. */
    public static Object divide(Object a, Object b) {
        BigDecimal divisor = Values.toDecimal(b);
        if (divisor.signum() == 0) {
            return null;
        }
        BigDecimal quotient = Values.toDecimal(a).divide(divisor, 0, java.math.RoundingMode.DOWN);
        return inRange(quotient, a, "DIV", b);
    }

    /**
     * Unary minus of an unsigned value: MySQL's result is a signed BIGINT, so {@code -u} is fine up to 2^63 and
     * 1690 "BIGINT value is out of range" beyond.
     */
    public static Object negate(Object a) {
        BigDecimal x = exact(a);
        if (x == null) {
            return Values.negate(a);
        }
        BigInteger n = x.toBigInteger().negate();
        if (n.bitLength() > 63) {
            throw Values.outOfRange("BIGINT", "-(" + a + ")");
        }
        return n.longValue();
    }

    /** An unsigned value as it travels: a Long below 2^63, a BigInteger from there on. */
    public static Object of(BigInteger n) {
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    /** An integer operand's exact value; null for a fraction, a double or text (then the ordinary rules apply). */
    private static BigDecimal exact(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte) {
            return Values.toDecimal(v);
        }
        if (v instanceof BigDecimal d && d.scale() <= 0) {
            return d;
        }
        return null;
    }

    private static Object inRange(BigDecimal exact, Object a, String op, Object b) {
        BigInteger n = exact.toBigIntegerExact();
        if (n.signum() < 0 || n.compareTo(LIMIT) >= 0) {
            throw Values.outOfRange("BIGINT UNSIGNED", a + " " + op + " " + b);
        }
        return of(n);
    }
}
