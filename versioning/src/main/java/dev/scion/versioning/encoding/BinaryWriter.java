package dev.scion.versioning.encoding;

import dev.scion.storage.Hash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Deterministic binary serialisation for versioning objects: varints, length-prefixed strings, hashes. Writes into
 * a plain growing array: every row write encodes a table value and a root header, and a ByteArrayOutputStream takes
 * a lock for each byte of a varint.
 */
public final class BinaryWriter {
    private byte[] buf = new byte[128];
    private int len;

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    private void write(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    private void writeBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    public BinaryWriter kind(ObjectKind kind) {
        write(kind.tag());
        return this;
    }

    public BinaryWriter varLong(long v) {
        // zig-zag so small negatives stay short
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        write((int) z);
        return this;
    }

    public BinaryWriter varInt(int v) {
        return varLong(v);
    }

    /** One unsigned byte (0-255). */
    public BinaryWriter u8(int b) {
        write(b & 0xFF);
        return this;
    }

    public BinaryWriter bool(boolean b) {
        write(b ? 1 : 0);
        return this;
    }

    public BinaryWriter bytes(byte[] b) {
        varInt(b.length);
        writeBytes(b);
        return this;
    }

    public BinaryWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that may be null: a presence flag then the string. */
    public BinaryWriter nullableString(String s) {
        bool(s != null);
        if (s != null) {
            string(s);
        }
        return this;
    }

    public BinaryWriter hash(Hash h) {
        ensure(Hash.LENGTH);
        h.writeTo(buf, len);
        len += Hash.LENGTH;
        return this;
    }

    public BinaryWriter nullableHash(Hash h) {
        bool(h != null);
        if (h != null) {
            hash(h);
        }
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
