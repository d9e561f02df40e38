package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.tuple.ZeroDate;
import dev.scion.versioning.schema.EnumSetValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** MySQL's value semantics: truthiness, numeric coercion of strings, and comparison across types. */
public final class Values {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Values() {
    }

    /** SQL three-valued truth: null stays null, numbers are true when non-zero, strings by their numeric prefix. */
    public static Boolean truth(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof EnumSetValue e) {
            return e.number() != 0;
        }
        return toDouble(v) != 0;
    }

    public static boolean isNumeric(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    public static boolean isExact(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigDecimal || v instanceof BigInteger
                || v instanceof Boolean || v instanceof Short || v instanceof Byte;
    }

    public static long toLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigDecimal d) {
            return d.setScale(0, RoundingMode.HALF_UP).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return Math.round(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof EnumSetValue e) {
            return e.number();
        }
        if (v instanceof byte[] b && b.length <= 8) {
            return bigEndian(b);
        }
        Object temporal = temporalNumber(v);
        if (temporal != null) {
            return toLong(temporal);
        }
        return toDecimal(v).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    /**
     * The 64 bits of an integer value, two's complement for negative numbers, as MySQL's bit functions see them
     * (BIT_COUNT(-1) = 64); a byte string (bit or hex literal, BIT value) as its big-endian bits.
     */
    public static long toUnsignedBits(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger bi) {
            return bi.longValue();
        }
        if (v instanceof byte[] b) {
            return bigEndian(b.length <= 8 ? b : java.util.Arrays.copyOfRange(b, b.length - 8, b.length));
        }
        if (v instanceof EnumSetValue e) {
            return e.number();
        }
        return toDecimal(v).setScale(0, RoundingMode.HALF_UP).toBigInteger().longValue();
    }

    /**
     * A byte string in a numeric context is the unsigned big-endian integer of its bytes, as MySQL reads bit-value
     * and hex literals ({@code b'101' + 0} = 5, {@code 0x41 + 0} = 65).
     */
    private static long bigEndian(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    private static BigDecimal unsignedDecimal(byte[] b) {
        return new BigDecimal(new BigInteger(1, b));
    }

    public static double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof EnumSetValue e) {
            return e.number();
        }
        if (v instanceof byte[] b && b.length <= 8) {
            return unsignedDecimal(b).doubleValue();
        }
        Object temporal = temporalNumber(v);
        if (temporal != null) {
            return toDouble(temporal);
        }
        String s = toStringValue(v).strip();
        return parseNumericPrefix(s).doubleValue();
    }

    public static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "value out of range");
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof EnumSetValue e) {
            return BigDecimal.valueOf(e.number());
        }
        if (v instanceof byte[] b && b.length <= 8) {
            return unsignedDecimal(b);
        }
        Object temporal = temporalNumber(v);
        if (temporal != null) {
            return toDecimal(temporal);
        }
        return parseNumericPrefix(toStringValue(v).strip());
    }

    /**
     * A DATE, DATETIME or TIME as the number MySQL makes of it: 20200102, 20200102103000 (with the microseconds
     * after the point when there are any), 103000; null for any other value.
     */
    static Object temporalNumber(Object v) {
        if (v instanceof ZeroDate) {
            return 0L;
        }
        if (v instanceof LocalDate d) {
            return d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth();
        }
        if (v instanceof LocalDateTime t) {
            long whole = (long) temporalNumber(t.toLocalDate()) * 1_000_000L + t.getHour() * 10000L
                    + t.getMinute() * 100L + t.getSecond();
            return t.getNano() == 0 ? (Object) whole
                    : BigDecimal.valueOf(whole).add(BigDecimal.valueOf(t.getNano() / 1000, 6));
        }
        if (v instanceof Duration d) {
            return MySqlTime.number(d);
        }
        if (v instanceof java.time.LocalTime t) {
            return MySqlTime.number(MySqlTime.of(t));
        }
        return null;
    }

    /** MySQL converts '12abc' to 12 and 'abc' to 0. */
    static BigDecimal parseNumericPrefix(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        String num = s.substring(0, i);
        if (num.isEmpty() || num.equals("+") || num.equals("-") || num.equals(".")) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(num);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    public static String toStringValue(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Double d) {
            return formatDouble(d);
        }
        if (v instanceof Float f) {
            // a single-precision value (CAST(x AS FLOAT)) in its own shortest digits: 0.8, not 0.800000011920929
            return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) (float) f)
                    : Float.toString(f).replace("E", "e");
        }
        if (v instanceof LocalDateTime t) {
            String base = DT.format(t);
            int nanos = t.getNano();
            return nanos == 0 ? base : base + "." + String.format("%06d", nanos / 1000);
        }
        if (v instanceof Duration d) {
            return MySqlTime.text(d);
        }
        if (v instanceof java.time.LocalTime t) {
            // LocalTime.toString drops zero seconds ("10:00"); MySQL always prints them
            String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            return t.getNano() == 0 ? base : base + "." + String.format("%06d", t.getNano() / 1000);
        }
        return v.toString();
    }

    static String formatDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        return s.replace("E", "e");
    }

    /** Compares two non-null values the way MySQL does: numerically if either is a number, else as strings. */
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof EnumSetValue || b instanceof EnumSetValue) {
            return compareChoice(a, b);
        }
        if (a instanceof ZeroDate || b instanceof ZeroDate) {
            return a instanceof ZeroDate ? compareZeroDate(b) : -compareZeroDate(a);
        }
        if (isTime(a) || isTime(b)) {
            return compareTime(a, b);
        }
        if (isNumeric(a) || isNumeric(b)) {
            if (isExact(a) && isExact(b)) {
                return toDecimal(a).compareTo(toDecimal(b));
            }
            if ((isExact(a) || a instanceof String) && (isExact(b) || b instanceof String)) {
                return toDecimal(a).compareTo(toDecimal(b));
            }
            return Double.compare(toDouble(a), toDouble(b));
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalDate x && b instanceof LocalDateTime y) {
            return x.atStartOfDay().compareTo(y);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDate y) {
            return x.compareTo(y.atStartOfDay());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.compareUnsigned(x, y);
        }
        if (a instanceof byte[] || b instanceof byte[]) {
            // a binary string against text (BINARY 'a' = 'a'): byte by byte, the text as its UTF-8 bytes
            return java.util.Arrays.compareUnsigned(binary(a), binary(b));
        }
        return toStringValue(a).compareTo(toStringValue(b));
    }

    /**
     * The zero date against {@code other}: equal to another zero date and to a zero date's text or number, before
     * every real date (MySQL orders it first), against anything else as its number 0 or its text.
     */
    private static int compareZeroDate(Object other) {
        if (ZeroDates.isZero(other)) {
            return 0;
        }
        if (other instanceof LocalDate || other instanceof LocalDateTime) {
            return -1;
        }
        if (isNumeric(other)) {
            return BigDecimal.ZERO.compareTo(toDecimal(other));
        }
        if (isTime(other)) {
            return -1;
        }
        return ZeroDate.DATETIME.toString().compareTo(toStringValue(other));
    }

    private static boolean isTime(Object v) {
        return v instanceof Duration || v instanceof java.time.LocalTime;
    }

    /**
     * A TIME against another value, as MySQL compares them: against a number by the TIME's number (hhmmss), against a
     * datetime as today's datetime, against anything else as TIMEs when the other value reads as one (text), else
     * as text.
     */
    private static int compareTime(Object a, Object b) {
        if (isNumeric(a) || isNumeric(b)) {
            return toDecimal(a).compareTo(toDecimal(b));
        }
        if (a instanceof LocalDateTime || a instanceof LocalDate || b instanceof LocalDateTime
                || b instanceof LocalDate) {
            return temporal(a).compareTo(temporal(b));
        }
        Duration x = MySqlTime.of(a);
        Duration y = MySqlTime.of(b);
        if (x == null || y == null) {
            return toStringValue(a).compareTo(toStringValue(b));
        }
        return x.compareTo(y);
    }

    private static LocalDateTime temporal(Object v) {
        if (v instanceof ZeroDate) {
            return LocalDateTime.MIN;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        Duration d = MySqlTime.of(v);
        return d == null ? LocalDateTime.MIN : MySqlTime.onToday(d);
    }

    private static byte[] binary(Object v) {
        return v instanceof byte[] b ? b : ByteStrings.bytes(toStringValue(v));
    }

    /**
     * ENUM/SET values: two of them by number (ORDER BY sorts by member index), against a number by number, against
     * anything else by text (WHERE size = 'large').
     */
    private static int compareChoice(Object a, Object b) {
        if (a instanceof EnumSetValue x && b instanceof EnumSetValue y) {
            return x.compareTo(y);
        }
        if (isNumeric(a) || isNumeric(b)) {
            return toDecimal(a).compareTo(toDecimal(b));
        }
        return toStringValue(a).compareTo(toStringValue(b));
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.addExact(x, y);
            } catch (ArithmeticException e) {
                throw outOfRange("BIGINT", x + " + " + y);
            }
        }
        if ((a instanceof BigInteger || b instanceof BigInteger) && isWhole(a) && isWhole(b)) {
            return unsignedResult(toDecimal(a).add(toDecimal(b)), a + " + " + b);
        }
        if (isFloating(a) || isFloating(b)) {
            return finiteDouble(toDouble(a) + toDouble(b), a, "+", b);
        }
        return toDecimal(a).add(toDecimal(b));
    }

    public static Object subtract(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.subtractExact(x, y);
            } catch (ArithmeticException e) {
                throw outOfRange("BIGINT", x + " - " + y);
            }
        }
        if ((a instanceof BigInteger || b instanceof BigInteger) && isWhole(a) && isWhole(b)) {
            return unsignedResult(toDecimal(a).subtract(toDecimal(b)), a + " - " + b);
        }
        if (isFloating(a) || isFloating(b)) {
            return finiteDouble(toDouble(a) - toDouble(b), a, "-", b);
        }
        return toDecimal(a).subtract(toDecimal(b));
    }

    /**
     * {@code a - b} with an unsigned operand under sql_mode NO_UNSIGNED_SUBTRACTION: the difference is a signed
     * BIGINT (1690 outside it), where it would otherwise be BIGINT UNSIGNED.
     */
    public static Object signedSubtract(Object a, Object b) {
        if (isFloating(a) || isFloating(b)) {
            return subtract(a, b);
        }
        BigDecimal exact = toDecimal(a).subtract(toDecimal(b));
        if (exact.scale() > 0 && exact.stripTrailingZeros().scale() > 0) {
            return exact;
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange("BIGINT", a + " - " + b);
        }
    }

    public static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.multiplyExact(x, y);
            } catch (ArithmeticException e) {
                throw outOfRange("BIGINT", x + " * " + y);
            }
        }
        if ((a instanceof BigInteger || b instanceof BigInteger) && isWhole(a) && isWhole(b)) {
            return unsignedResult(toDecimal(a).multiply(toDecimal(b)), a + " * " + b);
        }
        if (isFloating(a) || isFloating(b)) {
            return finiteDouble(toDouble(a) * toDouble(b), a, "*", b);
        }
        return toDecimal(a).multiply(toDecimal(b));
    }

    /** MySQL's div_precision_increment (not settable in Scion): digits a quotient adds to its dividend's. */
    public static final int DIV_PRECISION_INCREMENT = 4;

    /** Digits in one word of MySQL's decimal arithmetic; a quotient is computed to whole words. */
    private static final int DIGITS_PER_WORD = 9;

    /** At most this many digits after the point inside a computation (MySQL's 9 words less one for the integer part). */
    private static final int MAX_INTERNAL_SCALE = 72;

    /**
     * MySQL's '/'; division by zero is NULL. An exact quotient is computed, truncated, to whole 9-digit words: enough
     * words for the dividend's fraction (itself rounded up to words), the divisor's fraction digits and
     * div_precision_increment. So {@code 1/3} is 0.333333333 inside: {@code 1/3*3} compares unequal to 1 and
     * {@code (1/3)*(1/3)} is 0.111111110888888889, while the result type's scale (the dividend's plus 4,
     * {@link dev.scion.sql.plan.MySqlTypeSystem}) rounds what a client sees (0.3333, 0.11111111).
     */
    public static Object divide(Object a, Object b) {
        if (isFloating(a) || isFloating(b)) {
            double d = toDouble(b);
            return d == 0 ? null : finiteDouble(toDouble(a) / d, a, "/", b);
        }
        BigDecimal y = toDecimal(b);
        if (y.signum() == 0) {
            return null;
        }
        BigDecimal x = toDecimal(a);
        return x.divide(y, quotientScale(x.scale(), y.scale()), RoundingMode.DOWN);
    }

    /** The digits after the point MySQL's decimal division keeps for operands of these scales. */
    static int quotientScale(int dividendScale, int divisorScale) {
        int dividendDigits = wordsFor(Math.max(dividendScale, 0)) * DIGITS_PER_WORD;
        int digits = dividendDigits + Math.max(divisorScale, 0) + DIV_PRECISION_INCREMENT;
        return Math.min(wordsFor(digits) * DIGITS_PER_WORD, MAX_INTERNAL_SCALE);
    }

    private static int wordsFor(int digits) {
        return (digits + DIGITS_PER_WORD - 1) / DIGITS_PER_WORD;
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return y == 0 ? null : x % y;
        }
        if (isFloating(a) || isFloating(b)) {
            double d = toDouble(b);
            return d == 0 ? null : toDouble(a) % d;
        }
        BigDecimal y = toDecimal(b);
        return y.signum() == 0 ? null : toDecimal(a).remainder(y);
    }

    public static Object negate(Object a) {
        if (a instanceof Long x) {
            if (x == Long.MIN_VALUE) {
                throw outOfRange("BIGINT", "-(" + x + ")");
            }
            return -x;
        }
        if (isFloating(a)) {
            return -toDouble(a);
        }
        return toDecimal(a).negate();
    }

    /** A double result, or MySQL's 1690 when it overflowed (1e308 * 10): MySQL never returns infinity. */
    private static double finiteDouble(double d, Object a, String op, Object b) {
        if (Double.isFinite(d)) {
            return d;
        }
        throw outOfRange("DOUBLE", toStringValue(a) + " " + op + " " + toStringValue(b));
    }

    /** Neither floating nor a DECIMAL written with a point: with such an operand MySQL's result is not unsigned. */
    private static boolean isWhole(Object v) {
        return !isFloating(v) && !(v instanceof BigDecimal d && d.scale() > 0);
    }

    static boolean isFloating(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof String;
    }

    static SqlError outOfRange(String type, String expr) {
        return new SqlError(ErrorCode.DATA_OUT_OF_RANGE, type + " value is out of range in '(" + expr + ")'");
    }

    private static final BigDecimal UNSIGNED_LIMIT = new BigDecimal(BigInteger.ONE.shiftLeft(64));

    /**
     * Integer arithmetic with a BIGINT UNSIGNED operand beyond the signed range (values below 2^63 arrive as Long
     * and are computed as BIGINT): the result must fit BIGINT UNSIGNED, as in MySQL.
     */
    private static Object unsignedResult(BigDecimal exact, String expr) {
        if (exact.scale() > 0 && exact.stripTrailingZeros().scale() > 0) {
            return exact;
        }
        if (exact.signum() < 0 || exact.compareTo(UNSIGNED_LIMIT) >= 0) {
            throw outOfRange("BIGINT UNSIGNED", expr);
        }
        BigInteger i = exact.toBigIntegerExact();
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    public static long daysBetween(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(b, a);
    }
}
