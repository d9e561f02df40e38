package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.exec.ExecContext;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * FORMAT(X, D[, locale]): X rounded to D decimals (0 to 30) and written with the locale's grouping, as MySQL does.
 * An exact number rounds half up; a double rounds its binary value half to even, which is MySQL's rint()
 * (FORMAT(2.5e0, 0) is '2', FORMAT(1.005e0, 2) is '1.00'); a string is read as a double. An unknown or NULL
 * locale warns 1649 and formats as en_US.
 */
final class NumberFormat {
    /** MySQL's FORMAT_MAX_DECIMALS. */
    private static final int MAX_DECIMALS = 30;

    private NumberFormat() {
    }

    static Expr compile(Expr[] a) {
        return (row, ctx) -> {
            Object x = a[0].eval(row, ctx);
            Object d = a.length > 1 ? a[1].eval(row, ctx) : null;
            if (x == null || d == null) {
                return null;
            }
            FormatLocale locale = FormatLocale.EN_US;
            if (a.length > 2) {
                locale = locale(a[2].eval(row, ctx), ctx);
            }
            int decimals = (int) Math.max(0, Math.min(MAX_DECIMALS, IntegerArgument.value(d, ctx)));
            return format(rounded(x, decimals), locale);
        };
    }

    private static FormatLocale locale(Object v, ExecContext ctx) {
        String name = v == null ? "NULL" : Values.toStringValue(v);
        FormatLocale found = v == null ? null : FormatLocale.named(name);
        if (found == null) {
            ctx.session().addWarning(ErrorCode.UNKNOWN_LOCALE.code(), "Unknown locale: '" + name + "'");
            return FormatLocale.EN_US;
        }
        return found;
    }

    static BigDecimal rounded(Object x, int decimals) {
        if (x instanceof Double || x instanceof Float || x instanceof String) {
            double d = Values.toDouble(x);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                d = 0;
            }
            return new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN);
        }
        return Values.toDecimal(x).setScale(decimals, RoundingMode.HALF_UP);
    }

    static String format(BigDecimal value, FormatLocale locale) {
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder();
        if (value.signum() < 0) {
            out.append('-');
        }
        out.append(locale.group(whole));
        if (point >= 0) {
            out.append(locale.decimalPoint()).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }
}
