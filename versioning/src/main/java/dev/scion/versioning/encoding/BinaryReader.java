package dev.scion.versioning.encoding;

import dev.scion.storage.Hash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote. */
public final class BinaryReader {
    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    /** Checks the leading object kind tag. */
    public BinaryReader expect(ObjectKind kind) {
        if (buf.length == 0 || buf[pos] != kind.tag()) {
            throw new CorruptObjectException("expected a " + kind + " object, found tag "
                    + (buf.length == 0 ? "none" : Integer.toString(buf[pos])));
        }
        pos++;
        return this;
    }

    public long varLong() {
        long z = 0;
        int shift = 0;
        while (true) {
            if (pos >= buf.length) {
                throw new CorruptObjectException("truncated varint");
            }
            int b = buf[pos++] & 0xFF;
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (z >>> 1) ^ -(z & 1);
    }

    public int varInt() {
        return (int) varLong();
    }

    /** One unsigned byte. */
    public int u8() {
        if (pos >= buf.length) {
            throw new CorruptObjectException("truncated byte");
        }
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        return buf[pos++] != 0;
    }

    public byte[] bytes() {
        int n = varInt();
        if (n < 0 || pos + n > buf.length) {
            throw new CorruptObjectException("bad length " + n);
        }
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    public String string() {
        int n = varInt();
        if (n < 0 || pos + n > buf.length) {
            throw new CorruptObjectException("bad string length " + n);
        }
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public String nullableString() {
        return bool() ? string() : null;
    }

    public Hash hash() {
        if (pos + 20 > buf.length) {
            throw new CorruptObjectException("truncated hash");
        }
        Hash h = Hash.fromBytes(Arrays.copyOfRange(buf, pos, pos + 20));
        pos += 20;
        return h;
    }

    /** True while unread bytes remain (lets newer formats append fields). */
    public boolean hasMore() {
        return pos < buf.length;
    }

    public Hash nullableHash() {
        return bool() ? hash() : null;
    }
}
