package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
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

    /**
     * The value MySQL gives a NOT NULL column that has no DEFAULT when it must fill one in (ALTER TABLE ADD
     * COLUMN on a table with rows, INSERT in non-strict mode): zero, the empty string, the first ENUM member.
     * Temporal columns have no zero value here (Scion stores no '0000-00-00'), so they get null and fail.
     */
    public static Object implicitDefault(Column c) {
        var kind = c.type().kind();
        if (kind == dev.scion.versioning.schema.TypeKind.ENUM) {
            return c.type().values().isEmpty() ? "" : c.type().values().get(0);
        }
        if (kind.isInteger() || kind == dev.scion.versioning.schema.TypeKind.BIT
                || kind == dev.scion.versioning.schema.TypeKind.YEAR) {
            return 0L;
        }
        if (kind == dev.scion.versioning.schema.TypeKind.DECIMAL || kind == dev.scion.versioning.schema.TypeKind.FLOAT
                || kind == dev.scion.versioning.schema.TypeKind.DOUBLE) {
            return 0L;
        }
        if (kind.isString()) {
            return kind == dev.scion.versioning.schema.TypeKind.JSON ? "null" : "";
        }
        if (kind.isBinary()) {
            return new byte[0];
        }
        return null;
    }

    /**
     * Coerces like {@link #coerce(Object, Column, long)}; when {@code lenient} is non-null (sql_mode without
     * STRICT_TRANS_TABLES, or INSERT/UPDATE IGNORE) a value that does not fit is adjusted as MySQL does and a
     * warning is added to that session instead of failing the statement.
     */
    public static Object coerce(Object v, Column c, long rowNumber, Session lenient) {
        try {
            return coerce(v, c, rowNumber);
        } catch (SqlError e) {
            if (lenient == null) {
                throw e;
            }
            Object adjusted = adjust(v, c, e);
            if (adjusted == NO_ADJUSTMENT) {
                throw e;
            }
            int code = e.errorCode() == ErrorCode.DATA_TOO_LONG ? ErrorCode.WARN_DATA_TRUNCATED.code() : e.code();
            String message = e.errorCode() == ErrorCode.DATA_TOO_LONG
                    ? "Data truncated for column '" + c.name() + "' at row " + rowNumber : e.getMessage();
            lenient.addWarning(code, message);
            return coerce(adjusted, c, rowNumber);
        }
    }

    private static final Object NO_ADJUSTMENT = new Object();

    private static Object adjust(Object v, Column c, SqlError e) {
        ColumnType t = c.type();
        switch (e.errorCode()) {
            case BAD_NULL: {
                Object d = implicitDefault(c);
                return d == null ? NO_ADJUSTMENT : d;
            }
            case DATA_TOO_LONG: {
                int max = (int) Math.min(Integer.MAX_VALUE, t.maxLength());
                if (v instanceof byte[] b) {
                    return java.util.Arrays.copyOf(b, max);
                }
                String str = Values.toStringValue(v);
                return str.substring(0, str.offsetByCodePoints(0, max));
            }
            case WARN_DATA_OUT_OF_RANGE: {
                if (t.kind() == dev.scion.versioning.schema.TypeKind.DECIMAL) {
                    int precision = t.length() < 0 ? 10 : t.length();
                    int scale = Math.max(0, t.scale());
                    BigDecimal max = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
                    return Values.toDecimal(v).signum() < 0 ? max.negate() : max;
                }
                long[] range = range(t);
                return Values.toDecimal(v).signum() < 0 ? range[0] : range[1];
            }
            case TRUNCATED_WRONG_VALUE_FOR_FIELD:
                // MySQL keeps the numeric prefix of the string ('12abc' -> 12, 'abc' -> 0).
                return Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP).longValue();
            default:
                return NO_ADJUSTMENT;
        }
    }

    /** Whether writes in {@code session} fail on bad values (STRICT_TRANS_TABLES or STRICT_ALL_TABLES). */
    public static boolean strict(Session session) {
        Object mode = session.variable("sql_mode");
        String m = mode == null ? "" : mode.toString().toUpperCase(java.util.Locale.ROOT);
        return m.contains("STRICT_TRANS_TABLES") || m.contains("STRICT_ALL_TABLES");
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
        long[] range = range(t);
        long min = range[0];
        long max = range[1];
        if (l < min || l > max) {
            throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                    + "' at row " + row);
        }
    }

    /** The smallest and largest value an integer column holds. */
    private static long[] range(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, BOOLEAN -> new long[] {t.unsigned() ? 0 : -128, t.unsigned() ? 255 : 127};
            case SMALLINT -> new long[] {t.unsigned() ? 0 : -32768, t.unsigned() ? 65535 : 32767};
            case MEDIUMINT -> new long[] {t.unsigned() ? 0 : -8388608, t.unsigned() ? 16777215 : 8388607};
            case INT -> new long[] {t.unsigned() ? 0 : Integer.MIN_VALUE, t.unsigned() ? 4294967295L : Integer.MAX_VALUE};
            default -> new long[] {t.unsigned() ? 0 : Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }
}
