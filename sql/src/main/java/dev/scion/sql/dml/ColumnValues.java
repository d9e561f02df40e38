package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Converts a value to what a column stores, enforcing NOT NULL, ranges and lengths (strict mode). */
public final class ColumnValues {
    private ColumnValues() {
    }

    public static Object coerce(Object v, Column c, long rowNumber) {
        if (v == null) {
            if (!c.nullable()) {
                throw new SqlError(ErrorCode.BAD_NULL, "Column '" + c.name() + "' cannot be null");
            }
            return null;
        }
        ColumnType t = c.type();
        switch (t.kind()) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, BOOLEAN, YEAR, BIT: {
                long l;
                if (v instanceof String s && !isNumber(s)) {
                    throw new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE_FOR_FIELD, "Incorrect integer value: '" + s
                            + "' for column '" + c.name() + "' at row " + rowNumber);
                }
                l = Values.toLong(v);
                checkRange(c, l, rowNumber);
                return l;
            }
            case DECIMAL: {
                BigDecimal d = Values.toDecimal(v).setScale(Math.max(0, t.scale()), RoundingMode.HALF_UP);
                int precision = t.length() < 0 ? 10 : t.length();
                if (d.precision() - d.scale() > precision - Math.max(0, t.scale())) {
                    throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                            + "' at row " + rowNumber);
                }
                return d;
            }
            case FLOAT:
                return (float) Values.toDouble(v);
            case DOUBLE:
                return Values.toDouble(v);
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON, ENUM, SET: {
                String s = Values.toStringValue(v);
                long max = t.maxLength();
                if (s.length() > max && s.codePointCount(0, s.length()) > max) {
                    throw new SqlError(ErrorCode.DATA_TOO_LONG, "Data too long for column '" + c.name() + "' at row "
                            + rowNumber);
                }
                return s;
            }
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB: {
                byte[] b = v instanceof byte[] bytes ? bytes : Values.toStringValue(v).getBytes(StandardCharsets.UTF_8);
                if (b.length > t.maxLength()) {
                    throw new SqlError(ErrorCode.DATA_TOO_LONG, "Data too long for column '" + c.name() + "' at row "
                            + rowNumber);
                }
                return b;
            }
            case DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof LocalDateTime dt) {
                    return dt.toLocalDate();
                }
                try {
                    return LocalDate.parse(Values.toStringValue(v).strip());
                } catch (RuntimeException e) {
                    throw badTemporal(c, v, rowNumber);
                }
            case DATETIME, TIMESTAMP:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate d) {
                    return d.atStartOfDay();
                }
                try {
                    String s = Values.toStringValue(v).strip();
                    return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
                } catch (RuntimeException e) {
                    throw badTemporal(c, v, rowNumber);
                }
            case TIME:
                return v instanceof java.time.Duration ? v : parseTime(Values.toStringValue(v), c, rowNumber);
            default:
                return v;
        }
    }

    private static java.time.Duration parseTime(String s, Column c, long row) {
        try {
            boolean neg = s.startsWith("-");
            String[] parts = (neg ? s.substring(1) : s).split(":");
            long h = Long.parseLong(parts[0]);
            long m = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            double sec = parts.length > 2 ? Double.parseDouble(parts[2]) : 0;
            java.time.Duration d = java.time.Duration.ofHours(h).plusMinutes(m).plusNanos((long) (sec * 1e9));
            return neg ? d.negated() : d;
        } catch (RuntimeException e) {
            throw badTemporal(c, s, row);
        }
    }

    private static SqlError badTemporal(Column c, Object v, long row) {
        return new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect " + c.type().kind().name().toLowerCase()
                + " value: '" + Values.toStringValue(v) + "' for column '" + c.name() + "' at row " + row);
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void checkRange(Column c, long l, long row) {
        ColumnType t = c.type();
        long min;
        long max;
        switch (t.kind()) {
            case TINYINT, BOOLEAN -> {
                min = t.unsigned() ? 0 : -128;
                max = t.unsigned() ? 255 : 127;
            }
            case SMALLINT -> {
                min = t.unsigned() ? 0 : -32768;
                max = t.unsigned() ? 65535 : 32767;
            }
            case MEDIUMINT -> {
                min = t.unsigned() ? 0 : -8388608;
                max = t.unsigned() ? 16777215 : 8388607;
            }
            case INT -> {
                min = t.unsigned() ? 0 : Integer.MIN_VALUE;
                max = t.unsigned() ? 4294967295L : Integer.MAX_VALUE;
            }
            default -> {
                min = t.unsigned() ? 0 : Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
        }
        if (l < min || l > max) {
            throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                    + "' at row " + row);
        }
    }
}
