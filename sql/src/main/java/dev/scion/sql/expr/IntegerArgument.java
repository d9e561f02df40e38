package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.exec.ExecContext;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An argument MySQL reads as an integer (a bit mask, a count of decimals): numbers are rounded, a string is read by
 * its numeric prefix and warns 1292 ("Truncated incorrect INTEGER value") when it is not a number as a whole.
 */
final class IntegerArgument {
    private IntegerArgument() {
    }

    /** The value as a signed 64-bit integer, clamped to the long range. */
    static long value(Object v, ExecContext ctx) {
        if (v instanceof String s) {
            warnUnlessNumber(s, ctx);
        }
        if (v instanceof Double d) {
            return Math.round(d);
        }
        BigDecimal d = Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP);
        if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return d.longValue();
    }

    /**
     * The value as MySQL's val_int reads it for a decimal count: numbers are rounded, but a string is read up to
     * its first character that is not a digit ('0.5' is 0, '2abc' 2), warning 1292 when something follows.
     */
    static long prefix(Object v, ExecContext ctx) {
        if (!(v instanceof String s)) {
            return value(v, ctx);
        }
        String t = s.strip();
        int end = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        int digitsStart = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end < t.length() || end == digitsStart) {
            ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                    "Truncated incorrect INTEGER value: '" + s + "'");
        }
        if (end == digitsStart) {
            return 0;
        }
        BigDecimal d = new BigDecimal(t.substring(0, end));
        return d.max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** The value's 64 bits: a negative number in two's complement, an unsigned number above 2^63 as it is. */
    static long bits(Object v, ExecContext ctx) {
        if (v instanceof String s) {
            warnUnlessNumber(s, ctx);
        }
        return Values.toUnsignedBits(v);
    }

    private static void warnUnlessNumber(String s, ExecContext ctx) {
        if (NumberText.isNumber(s)) {
            return;
        }
        ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                "Truncated incorrect INTEGER value: '" + s + "'");
    }
}
