package dev.scion.versioning.sqlgen;

import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Stored values as MySQL literals that MySQL and MariaDB read back to the same value. */
public final class SqlLiterals {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SqlLiterals() {
    }

    public static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    public static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                case '\0' -> sb.append("\\0");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case 26 -> sb.append("\\Z");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    public static String literal(Object v, ColumnType type) {
        if (v == null) {
            return "NULL";
        }
        TypeKind k = type.kind();
        if (k == TypeKind.ENUM && v instanceof Number n) {
            int i = n.intValue();
            return i >= 1 && i <= type.values().size() ? string(type.values().get(i - 1)) : "''";
        }
        if (k == TypeKind.SET && v instanceof Number n) {
            long bits = n.longValue();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < type.values().size(); i++) {
                if ((bits & (1L << i)) != 0) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(type.values().get(i));
                }
            }
            return string(sb.toString());
        }
        if (k == TypeKind.BIT && v instanceof Number n) {
            return "b'" + Long.toBinaryString(n.longValue()) + "'";
        }
        return literal(v);
    }

    /** A literal for a value whose column type is unknown. */
    public static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "NULL" : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? "NULL" : f.toString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof byte[] b) {
            if (b.length == 0) {
                return "''";
            }
            StringBuilder sb = new StringBuilder("0x");
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return sb.toString();
        }
        if (v instanceof LocalDateTime t) {
            return "'" + DATETIME.format(t) + fraction(t.getNano()) + "'";
        }
        if (v instanceof LocalDate d) {
            return "'" + d + "'";
        }
        if (v instanceof Duration d) {
            long micros = Math.abs(d.toNanos() / 1000);
            long s = micros / 1_000_000;
            return "'" + (d.isNegative() ? "-" : "") + String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                    + fraction((int) (micros % 1_000_000) * 1000) + "'";
        }
        return string(v.toString());
    }

    /** A value as plain text for tables and CSV: what a client would display. */
    public static String display(Object v, ColumnType type) {
        if (v == null) {
            return "NULL";
        }
        String lit = literal(v, type);
        if (v instanceof byte[] || (type.kind() == TypeKind.BIT && v instanceof Number)) {
            return lit;
        }
        if (lit.startsWith("'") && lit.endsWith("'")) {
            return v instanceof String s ? s : lit.substring(1, lit.length() - 1).replace("''", "'");
        }
        return lit;
    }

    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String f = String.format(".%06d", nanos / 1000);
        return f.replaceAll("0+$", "");
    }
}
