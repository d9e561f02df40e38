package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.exec.ExecContext;

import java.math.BigInteger;

/**
 * The integer MySQL's {@code CAST(text AS SIGNED | UNSIGNED)} reads from a string: leading spaces and tabs, a sign,
 * then decimal digits up to the first other character, so {@code '5.93e+07'} is 5 and {@code 'a1'} is 0 (where a
 * number context reads the whole numeric prefix as a DOUBLE: 59300000). Text that is not all such an integer is
 * "Truncated incorrect INTEGER value" (1292), a warning.
 */
final class IntegerPrefix {
    private IntegerPrefix() {
    }

    /** The integer {@code text} starts with (unbounded), warning in {@code ctx} when text is left over. */
    static BigInteger of(String text, ExecContext ctx) {
        int i = 0;
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        BigInteger value = start == i ? BigInteger.ZERO : new BigInteger(text.substring(start, i));
        if (i < n || start == i) {
            warn(ctx, text);
        }
        return negative ? value.negate() : value;
    }

    /** {@code CAST(text AS SIGNED)}: the prefix as a BIGINT, past 2^63 - 1 read as the unsigned bits it has. */
    static long signed(String text, ExecContext ctx) {
        BigInteger v = of(text, ctx);
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger min = BigInteger.ONE.shiftLeft(63).negate();
        return v.max(min).min(max).longValue();
    }

    private static void warn(ExecContext ctx, String text) {
        if (ctx != null && ctx.session() != null) {
            ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                    "Truncated incorrect INTEGER value: '" + text + "'");
        }
    }
}
