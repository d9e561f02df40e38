package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.exec.ExecContext;
import dev.scion.storage.tuple.ZeroDate;
import org.apache.calcite.rel.type.RelDataType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** CAST to a Calcite type, with MySQL's lenient conversions. */
final class Casts {
    private Casts() {
    }

    static Expr compile(Expr input, RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                return v == null ? null : Values.toLong(v);
            };
            // Calcite's own casts to an unsigned type (a common type); CAST(x AS UNSIGNED) is TO_UNSIGNED
            case UTINYINT, USMALLINT, UINTEGER, UBIGINT -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                return v == null || v instanceof java.math.BigInteger ? v
                        : UnsignedArithmetic.of(Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP).toBigInteger());
            };
            case DECIMAL -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                if (v == null) {
                    return null;
                }
                BigDecimal d = Values.toDecimal(v);
                int scale = Math.max(0, type.getScale());
                return d.setScale(scale, RoundingMode.HALF_UP);
            };
            case DOUBLE, FLOAT, REAL -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                if (v instanceof String s && !NumberText.isNumber(s)) {
                    warnTruncated(ctx, "DOUBLE", s); // 'abc' = 0 compares 0 with 0, as MySQL warns
                }
                return v == null ? null : Values.toDouble(v);
            };
            case CHAR, VARCHAR -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                return v == null ? null : Values.toStringValue(v);
            };
            case BINARY, VARBINARY -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                return v == null ? null : v instanceof byte[] ? v : ByteStrings.bytes(Values.toStringValue(v));
            };
            case BOOLEAN -> (row, ctx) -> Values.truth(input.eval(row, ctx));
            case DATE -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                if (v == null || v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof LocalDateTime t) {
                    return t.toLocalDate();
                }
                if (ZeroDates.isZero(v)) {
                    return ZeroDate.DATE;
                }
                LocalDateTime t = readDateTime(v, ctx, "date");
                return t == null ? null : t.toLocalDate();
            };
            case TIMESTAMP -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                if (v == null || v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate d) {
                    return d.atStartOfDay();
                }
                if (ZeroDates.isZero(v)) {
                    return ZeroDate.DATETIME;
                }
                // a date alone is that day's midnight, as MySQL reads '2020-01-02' compared with a DATETIME
                LocalDateTime t = readDateTime(v, ctx, "datetime");
                return t == null ? null : fraction(t, type.getPrecision());
            };
            case TIME -> (row, ctx) -> MySqlTime.of(input.eval(row, ctx));
            default -> input;
        };
    }

    /**
     * Text (or a number, as its digits) read as a datetime the way MySQL casts it; text after a valid prefix is
     * dropped with warning 1292, as is text that is no datetime at all (NULL).
     */
    private static LocalDateTime readDateTime(Object v, ExecContext ctx, String what) {
        if (Values.isNumeric(v)) {
            return DateFunctions.dateTime(v);
        }
        String text = Values.toStringValue(v);
        DateTimeText.Reading r = DateTimeText.read(text);
        LocalDateTime t = r != null ? r.value() : DateFunctions.dateTime(v);
        if (t == null || r != null && r.truncated()) {
            warnTruncated(ctx, what, text);
        }
        return t;
    }

    private static void warnTruncated(ExecContext ctx, String what, String text) {
        if (ctx != null && ctx.session() != null) {
            ctx.session().addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                    "Truncated incorrect " + what + " value: '" + text + "'");
        }
    }

    /**
     * A datetime with its fraction rounded to the type's digits (DATETIME(3) of .123456 is .123, of .12345 in
     * DATETIME(4) .1235); without digits the value is kept as read.
     */
    private static LocalDateTime fraction(LocalDateTime t, int digits) {
        if (digits <= 0 || digits >= 6 || t.getNano() == 0) {
            return t;
        }
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = Math.round(t.getNano() / (double) unit) * unit;
        return t.withNano(0).plusNanos(nanos);
    }
}
