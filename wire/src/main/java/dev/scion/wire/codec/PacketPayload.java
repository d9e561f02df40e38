package dev.scion.wire.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * A MySQL packet payload: the protocol's integer and string encodings over a Netty buffer. Reading methods
 * throw {@link MalformedPacketException} when the payload ends early.
 */
public final class PacketPayload {

    /** Marker returned by {@link #readLenencInt()} for the NULL value 0xFB. */
    public static final long NULL_LENGTH = -1;

    private final ByteBuf buf;

    public PacketPayload(ByteBuf buf) {
        this.buf = buf;
    }

    public ByteBuf buffer() {
        return buf;
    }

    public int readableBytes() {
        return buf.readableBytes();
    }

    public boolean isReadable() {
        return buf.isReadable();
    }

    private void need(int n) {
        if (buf.readableBytes() < n) {
            throw new MalformedPacketException("packet ends early: need " + n + " bytes, have " + buf.readableBytes());
        }
    }

    // ---------------------------------------------------------------- reading

    public int readInt1() {
        need(1);
        return buf.readUnsignedByte();
    }

    public int peekInt1() {
        need(1);
        return buf.getUnsignedByte(buf.readerIndex());
    }

    public int readInt2() {
        need(2);
        return buf.readUnsignedShortLE();
    }

    public int readInt3() {
        need(3);
        return buf.readUnsignedMediumLE();
    }

    public long readInt4() {
        need(4);
        return buf.readUnsignedIntLE();
    }

    public long readInt8() {
        need(8);
        return buf.readLongLE();
    }

    public float readFloat() {
        need(4);
        return buf.readFloatLE();
    }

    public double readDouble() {
        need(8);
        return buf.readDoubleLE();
    }

    /** A length-encoded integer, or {@link #NULL_LENGTH} for 0xFB. */
    public long readLenencInt() {
        int first = readInt1();
        if (first < 0xfb) {
            return first;
        }
        return switch (first) {
            case 0xfb -> NULL_LENGTH;
            case 0xfc -> readInt2();
            case 0xfd -> readInt3();
            case 0xfe -> readInt8();
            default -> throw new MalformedPacketException("invalid length-encoded integer prefix 0xff");
        };
    }

    public byte[] readBytes(int length) {
        need(length);
        byte[] bytes = new byte[length];
        buf.readBytes(bytes);
        return bytes;
    }

    public void skip(int length) {
        need(length);
        buf.skipBytes(length);
    }

    /** Length-encoded bytes, or null for 0xFB. */
    public byte[] readLenencBytes() {
        long length = readLenencInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        if (length > buf.readableBytes()) {
            throw new MalformedPacketException("length-encoded string longer than the packet");
        }
        return readBytes((int) length);
    }

    public String readLenencString() {
        byte[] bytes = readLenencBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes up to (not including) the next NUL; the NUL is consumed. Without a NUL, the rest of the packet. */
    public byte[] readNulBytes() {
        int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) 0);
        if (end < 0) {
            return readRestBytes();
        }
        byte[] bytes = readBytes(end - buf.readerIndex());
        buf.skipBytes(1);
        return bytes;
    }

    public String readNulString() {
        return new String(readNulBytes(), StandardCharsets.UTF_8);
    }

    public byte[] readRestBytes() {
        return readBytes(buf.readableBytes());
    }

    public String readRestString() {
        String s = buf.toString(buf.readerIndex(), buf.readableBytes(), StandardCharsets.UTF_8);
        buf.skipBytes(buf.readableBytes());
        return s;
    }

    /**
     * The rest as UTF-8 text in which each byte that is not part of valid UTF-8 becomes the character U+F700 + byte
     * (U+F780..U+F7FF) instead of U+FFFD, so statement text can carry raw bytes (a mysqldump of binary data
     * without --hex-blob); the SQL layer turns them back into those bytes where a value is a byte string. Valid
     * text costs one scan for U+FFFD more than {@link #readRestString()}.
     */
    public String readRestStringKeepingBytes() {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        String s = buf.toString(start, length, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0) {
            buf.skipBytes(length);
            return s;
        }
        byte[] bytes = readRestBytes();
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                out.put((char) (0xF700 + (in.get() & 0xFF)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    // ---------------------------------------------------------------- writing

    public PacketPayload writeInt1(int value) {
        buf.writeByte(value);
        return this;
    }

    public PacketPayload writeInt2(int value) {
        buf.writeShortLE(value);
        return this;
    }

    public PacketPayload writeInt3(int value) {
        buf.writeMediumLE(value);
        return this;
    }

    public PacketPayload writeInt4(long value) {
        buf.writeIntLE((int) value);
        return this;
    }

    public PacketPayload writeInt8(long value) {
        buf.writeLongLE(value);
        return this;
    }

    public PacketPayload writeFloat(float value) {
        buf.writeFloatLE(value);
        return this;
    }

    public PacketPayload writeDouble(double value) {
        buf.writeDoubleLE(value);
        return this;
    }

    /** A length-encoded integer; values are treated as unsigned. */
    public PacketPayload writeLenencInt(long value) {
        if (value >= 0 && value < 0xfb) {
            buf.writeByte((int) value);
        } else if (value >= 0 && value < 0x10000) {
            buf.writeByte(0xfc);
            buf.writeShortLE((int) value);
        } else if (value >= 0 && value < 0x1000000) {
            buf.writeByte(0xfd);
            buf.writeMediumLE((int) value);
        } else {
            buf.writeByte(0xfe);
            buf.writeLongLE(value);
        }
        return this;
    }

    public PacketPayload writeNull() {
        buf.writeByte(0xfb);
        return this;
    }

    public PacketPayload writeBytes(byte[] bytes) {
        buf.writeBytes(bytes);
        return this;
    }

    public PacketPayload writeZero(int count) {
        buf.writeZero(count);
        return this;
    }

    public PacketPayload writeLenencBytes(byte[] bytes) {
        writeLenencInt(bytes.length);
        buf.writeBytes(bytes);
        return this;
    }

    /** A length-encoded UTF-8 string (null written as an empty string). */
    public PacketPayload writeLenencString(String s) {
        if (s == null || s.isEmpty()) {
            buf.writeByte(0);
            return this;
        }
        if (isAscii(s)) {
            writeLenencInt(s.length());
            buf.writeCharSequence(s, StandardCharsets.US_ASCII);
        } else {
            writeLenencBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** An ASCII-only string as a length-encoded string without an intermediate byte array. */
    public PacketPayload writeLenencAscii(CharSequence s) {
        writeLenencInt(s.length());
        buf.writeCharSequence(s, StandardCharsets.US_ASCII);
        return this;
    }

    /**
     * An integer's decimal text as a length-encoded string, written digit by digit: no String or byte array per
     * value (the text protocol sends every integer cell this way).
     */
    public PacketPayload writeLenencLong(long value) {
        if (value == Long.MIN_VALUE) {
            return writeLenencAscii("-9223372036854775808"); // its magnitude does not fit a long
        }
        long magnitude = Math.abs(value);
        int digits = 1;
        for (long rest = magnitude / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int length = value < 0 ? digits + 1 : digits;
        buf.writeByte(length); // at most 20 characters: a one-byte length
        buf.ensureWritable(length);
        int start = buf.writerIndex();
        int i = start + length - 1;
        do {
            buf.setByte(i--, '0' + (int) (magnitude % 10));
            magnitude /= 10;
        } while (magnitude != 0);
        if (value < 0) {
            buf.setByte(start, '-');
        }
        buf.writerIndex(start + length);
        return this;
    }

    public PacketPayload writeNulString(String s) {
        if (s != null) {
            buf.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        buf.writeByte(0);
        return this;
    }

    public PacketPayload writeRestString(String s) {
        if (s != null && !s.isEmpty()) {
            buf.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
