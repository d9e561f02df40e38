package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Text from CSV, JSON or the command line into the stored value of a column, strictly (bad input fails). */
final class ValueParser {
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[[ ]['T']HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ROOT);

    private ValueParser() {
    }

    /** The stored value for {@code text}; a null {@code text} is SQL NULL (refused for NOT NULL columns). */
    static Object parse(String text, Column c) {
        if (text == null) {
            if (!c.nullable()) {
                throw new IllegalArgumentException("column '" + c.name() + "' cannot be NULL");
            }
            return null;
        }
        ColumnType t = c.type();
        String v = text;
        try {
            return switch (t.kind()) {
                case BIGINT -> c.type().unsigned() ? unsignedBigint(v.trim(), c) : integer(v.trim(), c);
                case TINYINT, SMALLINT, MEDIUMINT, INT -> integer(v.trim(), c);
                case BOOLEAN -> v.equalsIgnoreCase("true") ? 1L : v.equalsIgnoreCase("false") ? 0L
                        : Long.parseLong(v.trim());
                case BIT -> Long.parseLong(v.trim());
                case DECIMAL -> decimal(v.trim(), c);
                case FLOAT -> Float.parseFloat(v.trim());
                case DOUBLE -> Double.parseDouble(v.trim());
                case CHAR, VARCHAR -> {
                    if (t.length() >= 0 && v.codePointCount(0, v.length()) > t.length()) {
                        throw new IllegalArgumentException("value too long for column '" + c.name() + "' ("
                                + t.sqlName() + ")");
                    }
                    yield v;
                }
                case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON -> v;
                case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> v.getBytes(StandardCharsets.UTF_8);
                case DATE -> date(v.trim());
                case DATETIME, TIMESTAMP -> LocalDateTime.parse(v.trim(), DATETIME);
                case TIME -> time(v.trim());
                case YEAR -> Integer.parseInt(v.trim());
                case ENUM -> {
                    int i = t.values().indexOf(v);
                    if (i < 0) {
                        throw new IllegalArgumentException("'" + v + "' is not a value of column '" + c.name() + "'");
                    }
                    yield (long) (i + 1);
                }
                case SET -> {
                    long bits = 0;
                    if (!v.isEmpty()) {
                        for (String part : v.split(",")) {
                            int i = t.values().indexOf(part);
                            if (i < 0) {
                                throw new IllegalArgumentException("'" + part + "' is not a value of column '"
                                        + c.name() + "'");
                            }
                            bits |= 1L << i;
                        }
                    }
                    yield bits;
                }
                // vectors as their text, [1,2.5]
                case VECTOR -> {
                    try {
                        byte[] vector = dev.scion.sql.expr.vector.Vectors.fromText(v);
                        if (vector.length != 4 * t.length()) {
                            throw new IllegalArgumentException("'" + v + "' is not a " + t.sqlName()
                                    + " for column '" + c.name() + "'");
                        }
                        yield vector;
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("'" + v + "' is not a " + t.sqlName() + " for column '"
                                + c.name() + "'");
                    }
                }
                // spatial values as WKT (what ST_AsText and exports print)
                case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON,
                        GEOMETRYCOLLECTION -> {
                    try {
                        byte[] g = dev.scion.sql.expr.spatial.Geometries.fromText(v, Math.max(0, t.srid()));
                        if (!dev.scion.sql.expr.spatial.Geometries.check(g).fitsColumn(t.kind().name())) {
                            throw new IllegalArgumentException("'" + v + "' is not a " + t.sqlName()
                                    + " for column '" + c.name() + "'");
                        }
                        yield g;
                    } catch (dev.scion.sql.expr.spatial.InvalidGeometryException e) {
                        throw new IllegalArgumentException("'" + v + "' is not a valid WKT " + t.sqlName()
                                + " for column '" + c.name() + "'");
                    }
                }
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + t.sqlName() + " for column '"
                    + c.name() + "'");
        }
    }

    /** yyyy-MM-dd without the formatter machinery (a large share of import time otherwise). */
    private static LocalDate date(String v) {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            int y = digits(v, 0, 4);
            int m = digits(v, 5, 7);
            int d = digits(v, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    throw new java.time.format.DateTimeParseException(e.getMessage(), v, 0);
                }
            }
        }
        return LocalDate.parse(v);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Long integer(String v, Column c) {
        long n = Long.parseLong(v);
        if (c.type().unsigned() && n < 0) {
            throw new IllegalArgumentException("out of range value for column '" + c.name() + "'");
        }
        return n;
    }

    /** BIGINT UNSIGNED: 0 .. 2^64-1, as Long below 2^63 and BigInteger above (the stored UINT64 form). */
    private static Object unsignedBigint(String v, Column c) {
        java.math.BigInteger n = new java.math.BigInteger(v);
        if (n.signum() < 0 || n.bitLength() > 64) {
            throw new IllegalArgumentException("out of range value for column '" + c.name() + "'");
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private static BigDecimal decimal(String v, Column c) {
        int scale = Math.max(c.type().scale(), 0);
        BigDecimal d = plainDecimal(v, scale);
        if (d == null) {
            d = new BigDecimal(v).setScale(scale, java.math.RoundingMode.HALF_UP);
        }
        int precision = c.type().length();
        if (precision > 0 && d.precision() - d.scale() > precision - scale) {
            throw new IllegalArgumentException("out of range value for column '" + c.name() + "' ("
                    + c.type().sqlName() + ")");
        }
        return d;
    }

    /**
     * [-]digits[.digits] with at most {@code scale} fraction digits and 18 digits in all, read straight into an
     * unscaled long (the BigDecimal string constructor was a large share of import time); null for any other
     * form, which then takes the general path.
     */
    private static BigDecimal plainDecimal(String v, int scale) {
        int n = v.length();
        int i = n > 0 && v.charAt(0) == '-' ? 1 : 0;
        boolean negative = i == 1;
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char ch = v.charAt(i);
            if (ch == '.' && fraction < 0) {
                fraction = 0;
            } else if (ch >= '0' && ch <= '9' && ++digits <= 18) {
                unscaled = unscaled * 10 + (ch - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return null;
            }
        }
        if (digits == 0 || fraction == 0 || digits > 18 || Math.max(fraction, 0) > scale) {
            return null;
        }
        for (int f = Math.max(fraction, 0); f < scale; f++) {
            if (unscaled > Long.MAX_VALUE / 10) {
                return null;
            }
            unscaled *= 10;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static Duration time(String v) {
        boolean neg = v.startsWith("-");
        String[] p = (neg ? v.substring(1) : v).split(":");
        if (p.length < 2 || p.length > 3) {
            throw new NumberFormatException(v);
        }
        double sec = p.length == 3 ? Double.parseDouble(p[2]) : 0;
        long micros = Long.parseLong(p[0]) * 3_600_000_000L + Long.parseLong(p[1]) * 60_000_000L
                + Math.round(sec * 1_000_000);
        Duration d = Duration.ofNanos(micros * 1000);
        return neg ? d.negated() : d;
    }

    static CliError bad(String where, String why) {
        return new CliError("error: " + where + ": " + why);
    }
}
