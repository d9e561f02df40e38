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

    /** The value's 64 bits: a negative number in two's complement, an unsigned number above 2^63 as it is. */
    static long bits(Object v, ExecContext ctx) {
        if (v instanceof String s) {
            warnUnlessNumber(s, ctx);
        }
        return Values.toUnsignedBits(v);
    }

    private static void warnUnlessNumber(String s, ExecContext ctx) {
        String t = s.strip();
        if (!t.isEmpty() && t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return;
        }
        ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                "Truncated incorrect INTEGER value: '" + s + "'");
    }
}
