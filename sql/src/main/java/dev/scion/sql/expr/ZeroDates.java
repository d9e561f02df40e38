package dev.scion.sql.expr;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import dev.scion.storage.tuple.ZeroDate;

/**
 * Recognises MySQL's zero date in the forms a write or a CAST gives it: the engine's {@link ZeroDate} value, the
 * number 0, and the text '0000-00-00' with an optional all-zero time ('0000-00-00 00:00:00.000000', '00:00:00'
 * separated by 'T' too). Dates with only a zero month or day ('2020-00-00') are not zero dates.
 */
public final class ZeroDates {
    private static final Pattern TEXT =
            Pattern.compile("\\s*0{1,4}-0{1,2}-0{1,2}(?:[ T]0{1,2}:0{1,2}:0{1,2}(?:\\.0*)?)?\\s*");

    private ZeroDates() {
    }

    public static boolean isZero(Object v) {
        if (v instanceof ZeroDate) {
            return true;
        }
        if (v instanceof String s) {
            return TEXT.matcher(s).matches();
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue() == 0;
        }
        return v instanceof BigDecimal d && d.signum() == 0;
    }

    /** The zero date of a DATE (dateOnly) or a DATETIME / TIMESTAMP. */
    public static ZeroDate of(boolean dateOnly) {
        return dateOnly ? ZeroDate.DATE : ZeroDate.DATETIME;
    }
}
