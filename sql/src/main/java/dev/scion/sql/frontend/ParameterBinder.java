package dev.scion.sql.frontend;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Prepared statement support: counts {@code ?} markers and substitutes bound values as SQL literals, so an
 * execution runs the same path as a text query.
 */
public final class ParameterBinder {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ParameterBinder() {
    }

    public static int countParameters(String sql) {
        int[] count = {0};
        SqlScanner.scanCode(sql, i -> {
            if (sql.charAt(i) == '?') {
                count[0]++;
            }
        });
        return count[0];
    }

    public static String bind(String sql, Object[] params) {
        int[] next = {0};
        return SqlScanner.rewriteCode(sql, (text, i, out) -> {
            if (text.charAt(i) != '?' || next[0] >= params.length) {
                return -1;
            }
            out.append(literal(params[next[0]++]));
            return i + 1;
        });
    }

    public static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "NULL" : Double.toString(d).replace("E", "E");
        }
        if (v instanceof Float f) {
            return Float.toString(f);
        }
        if (v instanceof Number num) {
            return num.toString();
        }
        if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder("X'");
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return sb.append('\'').toString();
        }
        if (v instanceof LocalDateTime t) {
            return "TIMESTAMP '" + DATETIME.format(t) + "'";
        }
        if (v instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (v instanceof LocalTime t) {
            return "TIME '" + t + "'";
        }
        if (v instanceof Duration d) {
            long s = Math.abs(d.getSeconds());
            return "'" + (d.isNegative() ? "-" : "") + String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) + "'";
        }
        return quote(v.toString());
    }

    /** A single-quoted SQL string with MySQL escaping. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
