package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModes;
import dev.scion.sql.expr.Values;
import dev.scion.sql.expr.ZeroDates;
import dev.scion.sql.expr.spatial.Geometries;
import dev.scion.sql.expr.spatial.InvalidGeometryException;
import dev.scion.storage.tuple.ZeroDate;
import dev.scion.versioning.schema.ChoiceValues;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.EnumSetValue;
import dev.scion.versioning.schema.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
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
     * Temporal columns get the zero date, which sql_mode may then refuse (ZeroDateWrites); TIME gets null.
     */
    /**
     * Whether a column without a DEFAULT still has one MySQL gives it in strict mode too: a NOT NULL ENUM defaults
     * to its first member.
     */
    public static boolean hasEnumFirstMemberDefault(Column c) {
        return c.defaultSql() == null && !c.nullable() && c.type().kind() == TypeKind.ENUM
                && !c.type().values().isEmpty();
    }

    public static Object implicitDefault(Column c) {
        var kind = c.type().kind();
        if (kind == TypeKind.DATE || kind == TypeKind.DATETIME || kind == TypeKind.TIMESTAMP) {
            return ZeroDates.of(kind == TypeKind.DATE);
        }
        if (kind == dev.scion.versioning.schema.TypeKind.ENUM) {
            return c.type().values().isEmpty() ? "" : c.type().values().get(0);
        }
        if (kind == TypeKind.SET) {
            return "";
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
        return coerce(v, c, rowNumber, lenient, lenient);
    }

    /**
     * Coerces like {@link #coerce(Object, Column, long, Session)}, with {@code session} the writing session even in
     * strict mode, whose sql_mode decides whether a zero date may be stored ({@link ZeroDateWrites}); without it a
     * strict write takes MySQL's default (NO_ZERO_DATE).
     */
    public static Object coerce(Object v, Column c, long rowNumber, Session lenient, Session session) {
        boolean truncate = session != null && SqlModes.truncatesFractions(session);
        Object r;
        try {
            r = coerce(v, c, rowNumber, truncate);
        } catch (SqlError e) {
            if (lenient == null) {
                throw e;
            }
            // the adjusted value carries this one warning, even when it is a zero date NO_ZERO_DATE would refuse
            Object adjusted = adjustWithWarning(v, c, rowNumber, lenient, truncate, e);
            return adjusted instanceof ZeroDate ? adjusted : TimestampRange.admit(adjusted, v, c, rowNumber, lenient);
        }
        return r instanceof ZeroDate ? ZeroDateWrites.admit(v, c, rowNumber, lenient, session)
                : TimestampRange.admit(r, v, c, rowNumber, lenient);
    }

    private static Object adjustWithWarning(Object v, Column c, long rowNumber, Session lenient, boolean truncate,
                                            SqlError e) {
        Object adjusted = adjust(v, c, e);
        if (adjusted == NO_ADJUSTMENT) {
            throw e;
        }
        int code = e.errorCode() == ErrorCode.DATA_TOO_LONG ? ErrorCode.WARN_DATA_TRUNCATED.code() : e.code();
        String message = e.errorCode() == ErrorCode.DATA_TOO_LONG
                ? "Data truncated for column '" + c.name() + "' at row " + rowNumber : e.getMessage();
        lenient.addWarning(code, message);
        try {
            return coerce(adjusted, c, rowNumber, truncate);
        } catch (SqlError again) {
            // a number read from the front of a string may still be out of range ('999abc' into a TINYINT)
            Object bound = adjust(adjusted, c, again);
            if (bound == NO_ADJUSTMENT) {
                throw again;
            }
            return coerce(bound, c, rowNumber, truncate);
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
                if (t.kind() == TypeKind.BIT) {
                    // MySQL stores the largest value the column holds
                    int bits = bitWidth(t);
                    return bits == 64 ? -1L : (1L << bits) - 1;
                }
                int max = (int) Math.min(Integer.MAX_VALUE, t.maxLength());
                if (v instanceof byte[] b) {
                    return java.util.Arrays.copyOf(b, max);
                }
                String str = Values.toStringValue(v);
                return str.substring(0, str.offsetByCodePoints(0, max));
            }
            case WARN_DATA_OUT_OF_RANGE: {
                if (t.kind() == TypeKind.YEAR) {
                    return 0L; // MySQL stores 0000 for a year out of range
                }
                if (t.kind() == dev.scion.versioning.schema.TypeKind.DECIMAL) {
                    int precision = t.length() < 0 ? 10 : t.length();
                    int scale = Math.max(0, t.scale());
                    BigDecimal max = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
                    return Values.toDecimal(v).signum() < 0 ? max.negate() : max;
                }
                if (t.kind() == TypeKind.BIGINT && t.unsigned()) {
                    return Values.toDecimal(v).signum() < 0 ? 0L : UNSIGNED_BIGINT_MAX;
                }
                long[] range = range(t);
                return Values.toDecimal(v).signum() < 0 ? range[0] : range[1];
            }
            case WARN_DATA_TRUNCATED:
                if (t.kind().isInteger() || t.kind() == TypeKind.YEAR || t.kind() == TypeKind.DECIMAL
                        || t.kind() == TypeKind.FLOAT || t.kind() == TypeKind.DOUBLE) {
                    return Values.toDecimal(v); // the number the string starts with ('12abc' is 12)
                }
                if (t.kind() == TypeKind.ENUM) {
                    // the '' error value (index 0)
                    return new EnumSetValue(0, "");
                }
                if (t.kind() == TypeKind.SET) {
                    return knownSetMembers(t, v);
                }
                return NO_ADJUSTMENT;
            case TRUNCATED_WRONG_VALUE: {
                if (t.kind() == TypeKind.TIME) {
                    return java.time.Duration.ZERO;
                }
                // a date followed by characters MySQL does not read: the date read so far
                if (t.kind() != TypeKind.DATE && t.kind() != TypeKind.DATETIME && t.kind() != TypeKind.TIMESTAMP) {
                    return NO_ADJUSTMENT;
                }
                TemporalText.Parsed p = v == null ? null : TemporalText.parse(Values.toStringValue(v));
                return p == null ? ZeroDates.of(t.kind() == TypeKind.DATE) : p.value(); // nothing readable: zero
            }
            case TRUNCATED_WRONG_VALUE_FOR_FIELD:
                if (v instanceof byte[] b && t.kind().fieldType() == dev.scion.storage.tuple.FieldType.STRING) {
                    return Utf8Text.validPrefix(b); // bytes that are not UTF-8: the text before them
                }
                if (t.kind() == TypeKind.DECIMAL || t.kind() == TypeKind.FLOAT || t.kind() == TypeKind.DOUBLE) {
                    return Values.toDecimal(v);
                }
                // MySQL keeps the numeric prefix of the string ('12abc' -> 12, 'abc' -> 0).
                return Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP).longValue();
            default:
                return NO_ADJUSTMENT;
        }
    }

    /**
     * A string stored into a number column that is not a number: when it starts with one ('12abc') MySQL reads
     * that and reports the rest as truncated (1265), else it is no number at all (1366, "Incorrect integer value").
     */
    private static SqlError notANumber(String text, Column c, long row, String typeName) {
        if (typeName == null || startsWithNumber(text)) {
            return new SqlError(ErrorCode.WARN_DATA_TRUNCATED, "Data truncated for column '" + c.name() + "' at row "
                    + row);
        }
        return new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE_FOR_FIELD, "Incorrect " + typeName + " value: '" + text
                + "' for column '" + c.name() + "' at row " + row);
    }

    private static boolean startsWithNumber(String text) {
        String s = text.stripLeading();
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i < s.length() && Character.isDigit(s.charAt(i));
    }

    /**
     * YEAR: 1901 to 2155 or 0; a one- or two-digit number is a year of 1970-2069 (MySQL's reading: 1-69 is 2001-2069,
     * 70-99 is 1970-1999) and so is a one- or two-digit string, where '0' and '00' are 2000 rather than 0.
     */
    private static long year(Object v, Column c, long row) {
        if (v instanceof String s && !isNumber(s)) {
            throw notANumber(s, c, row, "integer");
        }
        BigDecimal d = Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP);
        boolean shortText = v instanceof String s && s.strip().replaceFirst("^[+]", "").length() <= 2;
        long y = d.abs().compareTo(BigDecimal.valueOf(10000)) > 0 ? -1 : d.longValue();
        if (y == 0 && !shortText) {
            return 0;
        }
        if (y >= 0 && y < 70) {
            return 2000 + y;
        }
        if (y >= 70 && y < 100) {
            return 1900 + y;
        }
        if (y < 1901 || y > 2155) {
            throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                    + "' at row " + row);
        }
        return y;
    }

    /** Whether writes in {@code session} fail on bad values (STRICT_TRANS_TABLES or STRICT_ALL_TABLES). */
    public static boolean strict(Session session) {
        Object mode = session.variable("sql_mode");
        StrictMode last = lastMode;
        if (last != null && last.mode() == mode) {
            return last.strict();
        }
        String m = mode == null ? "" : mode.toString().toUpperCase(java.util.Locale.ROOT);
        boolean strict = m.contains("STRICT_TRANS_TABLES") || m.contains("STRICT_ALL_TABLES");
        lastMode = new StrictMode(mode, strict);
        return strict;
    }

    /**
     * The sql_mode value last looked at (the same object until some session sets another) and whether it is
     * strict: every write asks, and upper-casing and searching the text each time showed in its profile.
     */
    private record StrictMode(Object mode, boolean strict) {
    }

    private static volatile StrictMode lastMode;

    public static Object coerce(Object v, Column c, long rowNumber) {
        return TimestampRange.admit(coerce(v, c, rowNumber, false), v, c, rowNumber, null);
    }

    /**
     * @param truncateFraction whether a fraction with more digits than the column keeps is cut
     *                         (TIME_TRUNCATE_FRACTIONAL) rather than rounded, as MySQL does by default
     */
    private static Object coerce(Object v, Column c, long rowNumber, boolean truncateFraction) {
        if (v == null) {
            if (!c.nullable()) {
                throw new SqlError(ErrorCode.BAD_NULL, "Column '" + c.name() + "' cannot be null");
            }
            return null;
        }
        ColumnType t = c.type();
        switch (t.kind()) {
            case BIT:
                return bits(v, c, rowNumber);
            case ENUM, SET:
                return choice(v, c, rowNumber);
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION:
                return geometry(v, c);
            case VECTOR:
                return vector(v, c);
            case YEAR:
                return year(v, c, rowNumber);
            case BIGINT:
                if (t.unsigned()) {
                    return unsignedBigint(v, c, rowNumber);
                }
                // fall through: signed BIGINT is checked like the other integers
            case TINYINT, SMALLINT, MEDIUMINT, INT, BOOLEAN: {
                long l;
                if (v instanceof String s && !isNumber(s)) {
                    throw notANumber(s, c, rowNumber, "integer");
                }
                if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                    BigDecimal d = Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP);
                    if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
                        // beyond 64 bits: toLong would wrap around
                        throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '"
                                + c.name() + "' at row " + rowNumber);
                    }
                }
                l = Values.toLong(v);
                checkRange(c, l, rowNumber);
                return l;
            }
            case DECIMAL: {
                if (v instanceof String s && !isNumber(s)) {
                    throw notANumber(s, c, rowNumber, "decimal");
                }
                BigDecimal d = Values.toDecimal(v).setScale(Math.max(0, t.scale()), RoundingMode.HALF_UP);
                int precision = t.length() < 0 ? 10 : t.length();
                if (d.precision() - d.scale() > precision - Math.max(0, t.scale())) {
                    throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                            + "' at row " + rowNumber);
                }
                return d;
            }
            case FLOAT, DOUBLE:
                if (v instanceof String s && !isNumber(s)) {
                    throw notANumber(s, c, rowNumber, null); // MySQL reports any non-number as truncated here
                }
                return t.kind() == TypeKind.FLOAT ? (Object) (float) Values.toDouble(v) : Values.toDouble(v);
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, JSON: {
                String s = v instanceof byte[] b && t.kind() != TypeKind.JSON && Utf8Text.checked(c)
                        ? Utf8Text.decode(b, c, rowNumber) : Values.toStringValue(v);
                if (t.kind() == dev.scion.versioning.schema.TypeKind.JSON) {
                    // stored in MySQL's normal form, so equal documents are equal text
                    s = dev.scion.sql.expr.json.JsonFunctions.normaliseForColumn(s, c.name(), rowNumber);
                }
                long max = t.maxLength();
                if (s.length() > max && s.codePointCount(0, s.length()) > max) {
                    throw new SqlError(ErrorCode.DATA_TOO_LONG, "Data too long for column '" + c.name() + "' at row "
                            + rowNumber);
                }
                return s;
            }
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB: {
                byte[] b = v instanceof byte[] bytes ? bytes : dev.scion.sql.expr.ByteStrings.bytes(Values.toStringValue(v));
                if (b.length > t.maxLength()) {
                    throw new SqlError(ErrorCode.DATA_TOO_LONG, "Data too long for column '" + c.name() + "' at row "
                            + rowNumber);
                }
                if (t.kind() == TypeKind.BINARY && b.length < t.maxLength()) {
                    return java.util.Arrays.copyOf(b, (int) t.maxLength()); // MySQL pads BINARY(n) with 0x00
                }
                return b;
            }
            case DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (ZeroDates.isZero(v)) {
                    return ZeroDate.DATE;
                }
                if (v instanceof LocalDateTime dt) {
                    return dt.toLocalDate();
                }
                return temporal(v, c, rowNumber).toLocalDate();
            case DATETIME, TIMESTAMP:
                if (v instanceof LocalDate d) {
                    return d.atStartOfDay();
                }
                if (ZeroDates.isZero(v)) {
                    return ZeroDate.DATETIME;
                }
                return FractionalSeconds.fit(v instanceof LocalDateTime dt ? dt : temporal(v, c, rowNumber), t.length(),
                        truncateFraction);
            case TIME:
                return FractionalSeconds.fit(v instanceof java.time.Duration d ? d
                        : parseTime(Values.toStringValue(v), c, rowNumber), t.length(), truncateFraction);
            default:
                return v;
        }
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigInteger UNSIGNED_BIGINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** BIGINT UNSIGNED: 0 .. 2^64-1, kept as Long below 2^63 and as BigInteger above (the storage's UINT64 form). */
    private static Object unsignedBigint(Object v, Column c, long row) {
        if (v instanceof String s && !isNumber(s)) {
            throw notANumber(s, c, row, "integer");
        }
        BigInteger i = v instanceof BigInteger b ? b
                : v instanceof Long l ? BigInteger.valueOf(l)
                : v instanceof byte[] bytes ? new BigInteger(1, bytes)
                : Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (i.signum() < 0 || i.compareTo(UNSIGNED_BIGINT_MAX) > 0) {
            throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "Out of range value for column '" + c.name()
                    + "' at row " + row);
        }
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    private static int bitWidth(ColumnType t) {
        return t.length() < 1 ? 1 : Math.min(64, t.length());
    }

    /**
     * BIT(n): numbers by value; byte strings (b'...', x'...', binary parameters) and strings by their bytes, big
     * endian, as MySQL does. More than n significant bits is error 1406.
     */
    private static Object bits(Object v, Column c, long row) {
        int width = bitWidth(c.type());
        long bits;
        if (v instanceof byte[] || v instanceof String) {
            byte[] b = v instanceof byte[] bytes ? bytes : dev.scion.sql.expr.ByteStrings.bytes((String) v);
            BigInteger value = new BigInteger(1, b);
            if (value.bitLength() > width) {
                throw tooLong(c, row);
            }
            bits = value.longValue();
        } else if (v instanceof Boolean flag) {
            bits = flag ? 1 : 0;
        } else {
            BigInteger value = v instanceof BigInteger b ? b
                    : Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP).toBigInteger();
            if (value.signum() < 0 && width == 64 && value.bitLength() < 64) {
                value = value.add(BigInteger.ONE.shiftLeft(64)); // a negative BIGINT's two's-complement bits
            }
            if (value.signum() < 0 || value.bitLength() > width) {
                throw tooLong(c, row);
            }
            bits = value.longValue();
        }
        return bits;
    }

    private static SqlError tooLong(Column c, long row) {
        return new SqlError(ErrorCode.DATA_TOO_LONG, "Data too long for column '" + c.name() + "' at row " + row);
    }

    /**
     * ENUM and SET: a member's text (any case, trailing spaces ignored) or, for SET, comma-separated members;
     * a number is the member index (ENUM) or bit mask (SET), and so is a string of digits that names no member.
     * Anything else is error 1265 (in strict mode; {@link #adjust} stores '' or the known SET members otherwise).
     */
    private static Object choice(Object v, Column c, long row) {
        ColumnType t = c.type();
        if (v instanceof EnumSetValue e && e.number() == 0 && e.text().isEmpty() && t.kind() == TypeKind.ENUM) {
            return e; // the '' error value non-strict mode stores
        }
        long number;
        if (v instanceof String || v instanceof EnumSetValue || v instanceof byte[]) {
            String text = Values.toStringValue(v instanceof EnumSetValue e ? e.text() : v);
            number = ChoiceValues.numberOf(t, text);
            if (number < 0 && text.strip().matches("\\d{1,19}")) {
                number = Long.parseLong(text.strip());
                if (!ChoiceValues.validNumber(t, number)) {
                    number = -1;
                }
            }
        } else {
            BigDecimal d = Values.toDecimal(v);
            number = d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && ChoiceValues.validNumber(t, d.setScale(0, RoundingMode.HALF_UP).longValue())
                    ? d.setScale(0, RoundingMode.HALF_UP).longValue() : -1;
        }
        if (number < 0) {
            throw new SqlError(ErrorCode.WARN_DATA_TRUNCATED, "Data truncated for column '" + c.name() + "' at row "
                    + row);
        }
        return ChoiceValues.fromNumber(t, number);
    }

    /** What non-strict MySQL stores for a SET value with unknown members: the members it knows. */
    private static Object knownSetMembers(ColumnType t, Object v) {
        long bits = 0;
        for (String part : Values.toStringValue(v).split(",")) {
            long n = ChoiceValues.numberOf(t, part);
            if (n > 0) {
                bits |= n;
            }
        }
        return ChoiceValues.fromNumber(t, bits);
    }

    /**
     * Spatial columns take a geometry in MySQL's internal format (SRID + WKB), as the spatial functions make
     * them, of the column's type (any for GEOMETRY); anything else is error 1416, as in MySQL.
     */
    private static Object geometry(Object v, Column c) {
        if (v instanceof byte[] b) {
            try {
                if (Geometries.check(b).fitsColumn(c.type().kind().name())) {
                    requireColumnSrid(b, c);
                    return b;
                }
            } catch (InvalidGeometryException e) {
                // reported below
            }
        }
        throw new SqlError(ErrorCode.CANT_CREATE_GEOMETRY_OBJECT,
                "Cannot get geometry object from data you send to the GEOMETRY field");
    }

    /**
     * A VECTOR(n) column takes the binary form of a vector of exactly n finite floats (as STRING_TO_VECTOR makes,
     * or a byte string of 4n bytes); anything else is error 6137, as in MySQL 9.
     */
    private static Object vector(Object v, Column c) {
        byte[] b = v instanceof byte[] bytes ? bytes : null;
        if (b != null && b.length == 4 * c.type().length()) {
            try {
                dev.scion.sql.expr.vector.Vectors.components(b);
                return b;
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        // MySQL names what it was given and that value's size in bytes
        String kind = b != null || v instanceof String ? "string"
                : v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger ? "integer" : "double";
        long size = b != null ? b.length : v instanceof String str
                ? str.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 8;
        throw new SqlError(ErrorCode.DATA_INCOMPATIBLE_WITH_VECTOR, "Value of type '" + kind + ", size: " + size
                + "' cannot be converted to 'vector(" + c.type().length() + ")' type.");
    }

    /** A column with an SRID option takes only geometries of that SRID (3643), as MySQL checks on write. */
    private static void requireColumnSrid(byte[] geometry, Column c) {
        long want = c.type().srid();
        long got = Geometries.srid(geometry);
        if (want >= 0 && got != want) {
            throw new SqlError(ErrorCode.WRONG_SRID_FOR_COLUMN, "The SRID of the geometry does not match the SRID of "
                    + "the column '" + c.name() + "'. The SRID of the geometry is " + got + ", but the SRID of the "
                    + "column is " + want + ". Consider changing the SRID of the geometry or the SRID property of the "
                    + "column.");
        }
    }

    private static java.time.Duration parseTime(String s, Column c, long row) {
        try {
            boolean neg = s.startsWith("-");
            String[] parts = (neg ? s.substring(1) : s).split(":");
            long h = Long.parseLong(parts[0]);
            long m = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            BigDecimal sec = parts.length > 2 ? new BigDecimal(parts[2]) : BigDecimal.ZERO;
            // nanoseconds exactly (a double would turn .5 digits into ...49999); a finer fraction is rounded later
            java.time.Duration d = java.time.Duration.ofHours(h).plusMinutes(m)
                    .plusNanos(sec.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
            return neg ? d.negated() : d;
        } catch (RuntimeException e) {
            throw badTemporal(c, s, row);
        }
    }

    /**
     * A string (or number) stored into a DATE, DATETIME or TIMESTAMP column, read as MySQL reads it; characters
     * left over after a valid value ('2019-12-31T12:00:00Z') are error 1292, which non-strict mode turns into a
     * warning keeping the value read ({@link #adjust}).
     */
    private static LocalDateTime temporal(Object v, Column c, long row) {
        TemporalText.Parsed p = TemporalText.parse(Values.toStringValue(v));
        if (p == null || p.rest()) {
            throw badTemporal(c, v, row);
        }
        return p.value();
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

    /** The largest value an integer column holds (a BIGINT UNSIGNED's is taken as Long.MAX_VALUE). */
    public static long largest(ColumnType t) {
        return range(t)[1];
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
