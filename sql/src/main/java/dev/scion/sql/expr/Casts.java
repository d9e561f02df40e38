package dev.scion.sql.expr;

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
                try {
                    return LocalDate.parse(Values.toStringValue(v).strip().substring(0, 10));
                } catch (RuntimeException e) {
                    return null;
                }
            };
            case TIMESTAMP -> (row, ctx) -> {
                Object v = input.eval(row, ctx);
                if (v == null || v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate d) {
                    return d.atStartOfDay();
                }
                String text = Values.toStringValue(v).strip();
                try {
                    // a date alone is that day's midnight, as MySQL reads '2020-01-02' compared with a DATETIME
                    return text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                            : LocalDateTime.parse(text.replace(' ', 'T'));
                } catch (RuntimeException e) {
                    return null;
                }
            };
            case TIME -> (row, ctx) -> MySqlTime.of(input.eval(row, ctx));
            default -> input;
        };
    }
}
