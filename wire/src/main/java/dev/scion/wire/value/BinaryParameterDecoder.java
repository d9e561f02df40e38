package dev.scion.wire.value;

import dev.scion.wire.api.MySqlType;
import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Decodes COM_STMT_EXECUTE parameter values into the Java values listed on
 * {@link dev.scion.wire.api.WirePreparedStatement#execute}.
 */
public final class BinaryParameterDecoder {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private BinaryParameterDecoder() {
    }

    public static Object read(PacketPayload payload, int typeCode, boolean unsigned) {
        MySqlType type = typeOf(typeCode);
        return switch (type) {
            case NULL -> null;
            case TINY -> unsigned ? (long) payload.readInt1() : (long) (byte) payload.readInt1();
            case SHORT, YEAR -> unsigned ? (long) payload.readInt2() : (long) (short) payload.readInt2();
            case LONG, INT24 -> unsigned ? payload.readInt4() : (long) (int) payload.readInt4();
            case LONGLONG -> {
                long v = payload.readInt8();
                yield unsigned && v < 0 ? BigInteger.valueOf(v).add(TWO_64) : (Object) v;
            }
            case FLOAT -> payload.readFloat();
            case DOUBLE -> payload.readDouble();
            case DECIMAL, NEWDECIMAL -> {
                String s = payload.readLenencString();
                try {
                    yield s == null ? null : new BigDecimal(s.trim());
                } catch (NumberFormatException e) {
                    throw new MalformedPacketException("invalid DECIMAL parameter '" + s + "'");
                }
            }
            case DATE -> readDate(payload);
            case DATETIME, TIMESTAMP -> readDateTime(payload);
            case TIME -> readTime(payload);
            case TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB, GEOMETRY, BIT -> payload.readLenencBytes();
            default -> textOrBytes(payload.readLenencBytes());
        };
    }

    /**
     * A string parameter as text, unless its bytes are no UTF-8: then the bytes themselves. Connector/J sends
     * {@code setBytes} values with a string type, and binary data (a BIT value, a geometry in MySQL's internal
     * format) must reach a binary column unchanged rather than as replacement characters.
     */
    static Object textOrBytes(byte[] data) {
        if (data == null) {
            return null;
        }
        if (isAscii(data)) {
            return new String(data, StandardCharsets.ISO_8859_1); // the usual parameter: no decoder to set up
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return data;
        }
    }

    private static boolean isAscii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of a parameter whose data came in COM_STMT_SEND_LONG_DATA chunks. */
    public static Object fromLongData(byte[] data, int typeCode) {
        MySqlType type = typeOf(typeCode);
        return switch (type) {
            case VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON, DECIMAL, NEWDECIMAL ->
                    type == MySqlType.DECIMAL || type == MySqlType.NEWDECIMAL
                            ? new BigDecimal(new String(data, StandardCharsets.UTF_8).trim())
                            : textOrBytes(data);
            default -> data;
        };
    }

    public static MySqlType typeOf(int typeCode) {
        try {
            return MySqlType.fromCode(typeCode);
        } catch (IllegalArgumentException e) {
            throw new MalformedPacketException("unknown parameter type 0x" + Integer.toHexString(typeCode));
        }
    }

    private static Object readDate(PacketPayload payload) {
        int length = payload.readInt1();
        if (length == 0) {
            return "0000-00-00";
        }
        int year = payload.readInt2();
        int month = payload.readInt1();
        int day = payload.readInt1();
        payload.skip(length - 4);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return String.format("%04d-%02d-%02d", year, month, day);
        }
    }

    private static Object readDateTime(PacketPayload payload) {
        int length = payload.readInt1();
        if (length == 0) {
            return "0000-00-00 00:00:00";
        }
        int year = payload.readInt2();
        int month = payload.readInt1();
        int day = payload.readInt1();
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        if (length >= 7) {
            hour = payload.readInt1();
            minute = payload.readInt1();
            second = payload.readInt1();
        }
        if (length >= 11) {
            micros = payload.readInt4();
        }
        if (length != 4 && length != 7 && length != 11) {
            throw new MalformedPacketException("invalid DATETIME parameter length " + length);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, (int) micros * 1000);
        } catch (DateTimeException e) {
            return String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
                    + (micros != 0 ? String.format(".%06d", micros) : "");
        }
    }

    private static Duration readTime(PacketPayload payload) {
        int length = payload.readInt1();
        if (length == 0) {
            return Duration.ZERO;
        }
        if (length != 8 && length != 12) {
            throw new MalformedPacketException("invalid TIME parameter length " + length);
        }
        boolean negative = payload.readInt1() != 0;
        long days = payload.readInt4();
        int hours = payload.readInt1();
        int minutes = payload.readInt1();
        int seconds = payload.readInt1();
        long micros = length == 12 ? payload.readInt4() : 0;
        Duration d = Duration.ofSeconds(days * 86400 + hours * 3600L + minutes * 60L + seconds, micros * 1000);
        return negative ? d.negated() : d;
    }
}
