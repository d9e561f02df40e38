package dev.scion.sql.expr;

import java.util.regex.Pattern;

/**
 * Whether text reads as a number as a whole the way MySQL's string-to-number conversion reads it (spaces around it
 * allowed): '2.5', ' -3 ', '1e1', '.5'. Text that does not ('abc', '12abc', '', '0x10') is read by its numeric
 * prefix with warning 1292.
 */
public final class NumberText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    public static boolean isNumber(String text) {
        return NUMBER.matcher(text.strip()).matches();
    }

    /** Whether the number has an exponent (it is then read as a DOUBLE, not an exact number). */
    public static boolean hasExponent(String text) {
        return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }
}
