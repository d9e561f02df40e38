package dev.scion.it.slt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * How sqllogictest prints and compares result values: integers as %d, reals as %.3f, NULL as {@code NULL}, an empty
 * string as {@code (empty)}, and printable ASCII only (any other character prints as {@code @}). A whole real is
 * accepted where an integer is expected, and an integer where a real is.
 */
final class SltValues {
    private SltValues() { }

    /** Formats one value (the JDBC text of the column, or null) for the column type letter I, R or T. */
    static String format(String raw, char type) {
        if (raw == null) {
            return "NULL";
        }
        switch (type) {
            case 'I' -> {
                BigDecimal d = number(raw);
                if (d == null) {
                    return "0"; // sqllogictest's reference driver prints atoi() of a non-numeric text
                }
                return d.setScale(0, RoundingMode.DOWN).toPlainString();
            }
            case 'R' -> {
                BigDecimal d = number(raw);
                if (d == null) {
                    return "0.000";
                }
                // The reference driver read the text with strtod and printed it with printf("%.3f"), which rounds
                // the double's exact binary value half-even: 19.8125 prints 19.812, 0.0015 (really 0.00150000000000000003)
                // prints 0.002.
                double binary = d.doubleValue();
                BigDecimal printed = Double.isInfinite(binary) ? d : new BigDecimal(binary);
                return printed.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
            }
            default -> {
                if (raw.isEmpty()) {
                    return "(empty)";
                }
                StringBuilder sb = new StringBuilder(raw.length());
                for (int i = 0; i < raw.length(); i++) {
                    char c = raw.charAt(i);
                    sb.append(c < ' ' || c > '~' ? '@' : c);
                }
                return sb.toString();
            }
        }
    }

    /** The leading number of a text the way C's strtod reads it, or null when it starts with none. */
    private static BigDecimal number(String raw) {
        String s = raw.trim();
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            // a double printed with an exponent or a text with trailing garbage
            try {
                return new BigDecimal(Double.parseDouble(s));
            } catch (NumberFormatException e2) {
                int end = 0;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.'
                        || (end == 0 && (s.charAt(end) == '-' || s.charAt(end) == '+')))) {
                    end++;
                }
                try {
                    return end == 0 ? null : new BigDecimal(s.substring(0, end));
                } catch (NumberFormatException e3) {
                    return null;
                }
            }
        }
    }

    /** Orders the rows (nosort: unchanged) and flattens them to the value list that is printed or hashed. */
    static List<String> arrange(List<String[]> rows, SltRecord.SortMode sort) {
        List<String> values = new ArrayList<>();
        switch (sort) {
            case NOSORT -> rows.forEach(r -> values.addAll(Arrays.asList(r)));
            case ROWSORT -> {
                List<String[]> sorted = new ArrayList<>(rows);
                sorted.sort(SltValues::compareRows);
                sorted.forEach(r -> values.addAll(Arrays.asList(r)));
            }
            case VALUESORT -> {
                rows.forEach(r -> values.addAll(Arrays.asList(r)));
                values.sort(null);
            }
        }
        return values;
    }

    private static int compareRows(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** md5 over each value followed by a newline, as lowercase hex. */
    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
