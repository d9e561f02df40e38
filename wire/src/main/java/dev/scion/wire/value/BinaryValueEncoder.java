package dev.scion.wire.value;

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

/**
 * Values of the binary protocol (COM_STMT_EXECUTE results), encoded by the column's wire type: a value of
 * another Java type is converted first (a Long in a DOUBLE column is sent as a double).
 */
public final class BinaryValueEncoder {

    private BinaryValueEncoder() {
    }

    /** Writes a non-null value. */
    public static void write(PacketPayload payload, Object value, WireColumn column) {
        switch (column.type()) {
            case TINY -> payload.writeInt1((int) toLong(value, column));
            case SHORT, YEAR -> payload.writeInt2((int) toLong(value, column));
            case LONG, INT24 -> payload.writeInt4(toLong(value, column));
            case LONGLONG -> payload.writeInt8(toLong(value, column));
            case FLOAT -> payload.writeFloat((float) toDouble(value, column));
            case DOUBLE -> payload.writeDouble(toDouble(value, column));
            case DATE -> writeDate(payload, value, column);
            case DATETIME, TIMESTAMP -> writeDateTime(payload, value, column);
            case TIME -> writeTime(payload, value, column);
            case NULL -> {
                // a NULL column has only NULL values; they are in the null bitmap
            }
            default -> payload.writeLenencBytes(TextValueEncoder.toBytes(value, column));
        }
    }

    /** The value as a 64-bit integer (unsigned values above Long.MAX_VALUE keep their bit pattern). */
    static long toLong(Object value, WireColumn column) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger bi) {
            return bi.longValue();
        }
        if (value instanceof BigDecimal bd) {
            return bd.setScale(0, RoundingMode.HALF_UP).toBigInteger().longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return (long) Math.rint(((Number) value).doubleValue());
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof LocalDate ld) {
            return ld.getYear();
        }
        if (value instanceof byte[] bytes) {
            return parseLong(new String(bytes, StandardCharsets.UTF_8), column);
        }
        if (value instanceof String s) {
            return parseLong(s, column);
        }
        throw cannotConvert(value, column);
    }

    private static long parseLong(String s, WireColumn column) {
        String t = s.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(t).setScale(0, RoundingMode.HALF_UP).toBigInteger().longValue();
            } catch (NumberFormatException e2) {
                throw cannotConvert(s, column);
            }
        }
    }

    static double toDouble(Object value, WireColumn column) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value instanceof String str ? str : null;
        if (s != null) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(value, column);
            }
        }
        throw cannotConvert(value, column);
    }

    private static void writeDate(PacketPayload payload, Object value, WireColumn column) {
        int[] f = dateTimeFields(value, column);
        if (f[0] == 0 && f[1] == 0 && f[2] == 0) {
            payload.writeInt1(0);
            return;
        }
        payload.writeInt1(4).writeInt2(f[0]).writeInt1(f[1]).writeInt1(f[2]);
    }

    private static void writeDateTime(PacketPayload payload, Object value, WireColumn column) {
        int[] f = dateTimeFields(value, column);
        int micros = f[6];
        if (micros != 0) {
            payload.writeInt1(11);
        } else if (f[3] != 0 || f[4] != 0 || f[5] != 0) {
            payload.writeInt1(7);
        } else if (f[0] != 0 || f[1] != 0 || f[2] != 0) {
            payload.writeInt1(4);
        } else {
            payload.writeInt1(0);
            return;
        }
        payload.writeInt2(f[0]).writeInt1(f[1]).writeInt1(f[2]);
        if (micros != 0 || f[3] != 0 || f[4] != 0 || f[5] != 0) {
            payload.writeInt1(f[3]).writeInt1(f[4]).writeInt1(f[5]);
        }
        if (micros != 0) {
            payload.writeInt4(micros);
        }
    }

    /** year, month, day, hour, minute, second, microsecond. */
    private static int[] dateTimeFields(Object value, WireColumn column) {
        if (value instanceof LocalDateTime t) {
            return new int[] {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                    t.getSecond(), t.getNano() / 1000};
        }
        if (value instanceof LocalDate d) {
            return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 0, 0, 0, 0};
        }
        // text, and values the wire has no type for but whose text is a date (the engine's zero date)
        String s = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        if (s != null) {
            int[] fields = TemporalParser.parseDateTime(s);
            if (fields != null) {
                return fields;
            }
        }
        throw cannotConvert(value, column);
    }

    private static void writeTime(PacketPayload payload, Object value, WireColumn column) {
        boolean negative;
        long totalSeconds;
        int micros;
        if (value instanceof Duration d) {
            negative = d.isNegative();
            Duration abs = d.abs();
            totalSeconds = abs.getSeconds();
            micros = abs.getNano() / 1000;
        } else if (value instanceof LocalTime t) {
            negative = false;
            totalSeconds = t.toSecondOfDay();
            micros = t.getNano() / 1000;
        } else if (value instanceof LocalDateTime t) {
            negative = false;
            totalSeconds = t.toLocalTime().toSecondOfDay();
            micros = t.getNano() / 1000;
        } else {
            String s = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value instanceof String str ? str : null;
            Duration d = s == null ? null : TemporalParser.parseTime(s);
            if (d == null) {
                throw cannotConvert(value, column);
            }
            writeTime(payload, d, column);
            return;
        }
        if (totalSeconds == 0 && micros == 0) {
            payload.writeInt1(0);
            return;
        }
        payload.writeInt1(micros != 0 ? 12 : 8);
        payload.writeInt1(negative ? 1 : 0);
        payload.writeInt4(totalSeconds / 86400);
        payload.writeInt1((int) (totalSeconds / 3600 % 24));
        payload.writeInt1((int) (totalSeconds / 60 % 60));
        payload.writeInt1((int) (totalSeconds % 60));
        if (micros != 0) {
            payload.writeInt4(micros);
        }
    }

    private static IllegalArgumentException cannotConvert(Object value, WireColumn column) {
        String shown = value instanceof byte[] b ? "byte[" + b.length + "]" : String.valueOf(value);
        return new IllegalArgumentException("cannot send " + value.getClass().getSimpleName() + " value '" + shown
                + "' in " + column.type() + " column '" + column.name() + "'");
    }
}
