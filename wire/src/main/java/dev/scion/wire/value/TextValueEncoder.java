package dev.scion.wire.value;

import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.codec.PacketPayload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Values of the text protocol: every value is a length-encoded string, NULL is 0xFB. */
public final class TextValueEncoder {
    private static final String ZERO_DATETIME = "0000-00-00 00:00:00";

    private TextValueEncoder() {
    }

    public static void write(PacketPayload payload, Object value, WireColumn column) {
        if (value == null) {
            payload.writeNull();
        } else if (value instanceof String s) {
            payload.writeLenencString(s);
        } else if (value instanceof byte[] bytes) {
            payload.writeLenencBytes(bytes);
        } else if ((value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) && column.type() != MySqlType.BIT && column.type() != MySqlType.YEAR) {
            payload.writeLenencLong(((Number) value).longValue());
        } else {
            payload.writeLenencBytes(toBytes(value, column));
        }
    }

    /** The bytes of a value's text form; also used by the binary protocol for string and decimal columns. */
    public static byte[] toBytes(Object value, WireColumn column) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (column.type() == MySqlType.BIT && value instanceof Number n && !(value instanceof BigDecimal)
                && !(value instanceof Double) && !(value instanceof Float)) {
            return bitBytes(n.longValue(), column.columnLength());
        }
        return toText(value, column).getBytes(StandardCharsets.UTF_8);
    }

    public static String toText(Object value, WireColumn column) {
        int decimals = column.decimals();
        MySqlType type = column.type();
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            // a YEAR is four digits: MySQL sends the zero year as 0000, which clients read as a year, not as 0
            return type == MySqlType.YEAR ? String.format(java.util.Locale.ROOT, "%04d", ((Number) value).longValue())
                    : value.toString();
        }
        if (value instanceof BigDecimal bd) {
            if ((type == MySqlType.NEWDECIMAL || type == MySqlType.DECIMAL) && decimals >= 0 && decimals <= 30
                    && bd.scale() != decimals) {
                bd = bd.setScale(decimals, RoundingMode.HALF_UP);
            }
            return bd.toPlainString();
        }
        if (value instanceof Double d) {
            return fixedOrShortest(d, decimals, type, false);
        }
        if (value instanceof Float f) {
            return fixedOrShortest(f, decimals, type, true);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof LocalDateTime ldt) {
            if (type == MySqlType.DATE) {
                return TemporalText.date(ldt.toLocalDate());
            }
            if (type == MySqlType.TIME) {
                return TemporalText.time(ldt.toLocalTime(), decimals);
            }
            return TemporalText.dateTime(ldt, temporalDecimals(column));
        }
        if (value instanceof LocalDate ld) {
            if (type == MySqlType.DATETIME || type == MySqlType.TIMESTAMP) {
                return TemporalText.dateTime(ld.atStartOfDay(), decimals);
            }
            return TemporalText.date(ld);
        }
        if (value instanceof Duration duration) {
            return TemporalText.duration(duration, temporalDecimals(column));
        }
        if (value instanceof LocalTime lt) {
            return TemporalText.time(lt, temporalDecimals(column));
        }
        String text = value.toString();
        if (text.equals(ZERO_DATETIME) && (type == MySqlType.DATETIME || type == MySqlType.TIMESTAMP)) {
            // the engine's zero date: a DATETIME(n) column shows its n zero digits, as MySQL does
            return TemporalText.dateTime(text, temporalDecimals(column));
        }
        return text;
    }

    /** Temporal columns print exactly their decimals; other columns print a fraction only when there is one. */
    private static int temporalDecimals(WireColumn column) {
        return switch (column.type()) {
            case DATETIME, TIMESTAMP, TIME -> column.decimals();
            default -> TemporalText.NOT_FIXED_DEC;
        };
    }

    private static String fixedOrShortest(double d, int decimals, MySqlType type, boolean isFloat) {
        if ((type == MySqlType.DOUBLE || type == MySqlType.FLOAT) && decimals >= 1 && decimals <= 30
                && !Double.isNaN(d) && !Double.isInfinite(d)) {
            return new BigDecimal(d).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
        return isFloat ? MySqlNumberFormat.formatFloat((float) d) : MySqlNumberFormat.formatDouble(d);
    }

    /** A BIT(n) value as ceil(n/8) big-endian bytes. */
    static byte[] bitBytes(long value, long bitLength) {
        int length = (int) Math.max(1, Math.min(8, (bitLength + 7) / 8));
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
