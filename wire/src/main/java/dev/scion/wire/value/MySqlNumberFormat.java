package dev.scion.wire.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints DOUBLE and FLOAT values the way MySQL does: the shortest digits that read back as the same value
 * (at most 6 significant digits for FLOAT, like MySQL's FLT_DIG), no trailing ".0", and exponent notation
 * without '+' or leading zeros ({@code 1e20}, {@code 1.5e-7}) for integers of 10^15 and above and for
 * magnitudes below 10^-4.
 */
public final class MySqlNumberFormat {

    /** MySQL switches to exponent notation for integral values with more digits than this (DBL_DIG). */
    private static final int MAX_DECPT_FOR_F_FORMAT = 15;
    /** ... and for numbers whose first significant digit is further than this behind the decimal point. */
    private static final int MIN_DECPT_FOR_F_FORMAT = -3;

    private MySqlNumberFormat() {
    }

    public static String formatDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        return layout(shortestDigits(value), value < 0);
    }

    public static String formatFloat(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(value).abs();
        BigDecimal chosen = null;
        for (int precision = 1; precision <= 6; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == Math.abs(value)) {
                chosen = rounded;
                break;
            }
        }
        if (chosen == null) {
            chosen = exact.round(new MathContext(6, RoundingMode.HALF_EVEN));
        }
        return layout(chosen.stripTrailingZeros(), value < 0);
    }

    /** The shortest decimal that reads back as {@code value}, as an unsigned, trailing-zero-free BigDecimal. */
    static BigDecimal shortestDigits(double value) {
        double abs = Math.abs(value);
        BigDecimal candidate = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(abs);
        if (abs < Double.MIN_NORMAL) {
            // subnormals have fewer than 15 significant digits of precision: search from one digit up
            for (int precision = 1; precision < 17; precision++) {
                BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                if (rounded.doubleValue() == abs) {
                    return rounded.stripTrailingZeros();
                }
            }
            return candidate;
        }
        // Double.toString on Java 17 always round-trips but is not always the shortest. For normal numbers any
        // representation of at most 15 significant digits (DBL_DIG) that round-trips is unique, hence shortest.
        if (candidate.precision() <= 15) {
            return candidate;
        }
        for (int precision = 15; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return rounded.stripTrailingZeros();
            }
        }
        BigDecimal rounded = exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return rounded.precision() < candidate.precision() ? rounded : candidate;
    }

    /** Lays out unsigned significant digits in fixed or exponent notation. */
    private static String layout(BigDecimal digits, boolean negative) {
        String unscaled = digits.unscaledValue().toString();
        int len = unscaled.length();
        // decimal point position relative to the start of the digits: value = 0.DIGITS * 10^decpt
        int decpt = len - digits.scale();
        StringBuilder sb = new StringBuilder(len + 8);
        if (negative) {
            sb.append('-');
        }
        boolean exponent = (decpt > MAX_DECPT_FOR_F_FORMAT && len <= decpt) || decpt < MIN_DECPT_FOR_F_FORMAT;
        if (exponent) {
            sb.append(unscaled.charAt(0));
            if (len > 1) {
                sb.append('.').append(unscaled, 1, len);
            }
            sb.append('e').append(decpt - 1);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) {
                sb.append('0');
            }
            sb.append(unscaled);
        } else if (decpt < len) {
            sb.append(unscaled, 0, decpt).append('.').append(unscaled, decpt, len);
        } else {
            sb.append(unscaled);
            for (int i = len; i < decpt; i++) {
                sb.append('0');
            }
        }
        return sb.toString();
    }
}
