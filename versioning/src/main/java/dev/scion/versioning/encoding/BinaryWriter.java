package dev.scion.versioning.encoding;

import dev.scion.storage.Hash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Deterministic binary serialisation for versioning objects: varints, length-prefixed strings, hashes. */
public final class BinaryWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public BinaryWriter kind(ObjectKind kind) {
        out.write(kind.tag());
        return this;
    }

    public BinaryWriter varLong(long v) {
        // zig-zag so small negatives stay short
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return this;
    }

    public BinaryWriter varInt(int v) {
        return varLong(v);
    }

    /** One unsigned byte (0-255). */
    public BinaryWriter u8(int b) {
        out.write(b & 0xFF);
        return this;
    }

    public BinaryWriter bool(boolean b) {
        out.write(b ? 1 : 0);
        return this;
    }

    public BinaryWriter bytes(byte[] b) {
        varInt(b.length);
        out.writeBytes(b);
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
        out.writeBytes(h.bytes());
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
        return out.toByteArray();
    }
}
