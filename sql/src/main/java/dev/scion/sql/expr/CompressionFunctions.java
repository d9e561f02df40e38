package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * COMPRESS / UNCOMPRESS / UNCOMPRESSED_LENGTH in MySQL's format: the uncompressed length as 4 little-endian bytes
 * (top two bits clear), then a zlib stream, plus a '.' when the result would end in a space (so a CHAR column's
 * trailing-space trim cannot damage it). The empty string stays empty.
 */
final class CompressionFunctions {
    /** The largest uncompressed value accepted back: MySQL's max_allowed_packet default (64 MB). */
    private static final int MAX_LENGTH = 64 << 20;

    private CompressionFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, Expr[] a) {
        return switch (name) {
            case "COMPRESS" -> BuiltinFunctions.strictN(a, v -> compress(BuiltinFunctions.bytes(v[0])));
            case "UNCOMPRESSED_LENGTH" -> BuiltinFunctions.strictN(a, v -> {
                byte[] b = BuiltinFunctions.bytes(v[0]);
                return b.length == 0 ? 0L : b.length < 4 ? null : (Object) (long) storedLength(b);
            });
            case "UNCOMPRESS" -> (row, ctx) -> {
                Object v = a[0].eval(row, ctx);
                if (v == null) {
                    return null;
                }
                byte[] b = BuiltinFunctions.bytes(v);
                if (b.length == 0) {
                    return b;
                }
                byte[] out = b.length < 5 ? null : inflate(b);
                if (out == null) {
                    ctx.session().addWarning(ErrorCode.ZLIB_DATA_ERROR.code(),
                            "ZLIB: Input data corrupted");
                }
                return out;
            };
            default -> null;
        };
    }

    private static byte[] compress(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
            out.write(data.length & 0xff);
            out.write(data.length >>> 8 & 0xff);
            out.write(data.length >>> 16 & 0xff);
            out.write(data.length >>> 24 & 0x3f);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            byte[] result = out.toByteArray();
            if (result[result.length - 1] == ' ') {
                out.write('.');
                result = out.toByteArray();
            }
            return result;
        } finally {
            deflater.end();
        }
    }

    private static int storedLength(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0x3f) << 24;
    }

    /** The inflated data, or null when it is not a zlib stream of the stored length. */
    private static byte[] inflate(byte[] b) {
        int length = storedLength(b);
        if (length > MAX_LENGTH) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, 4, b.length - 4);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length && !inflater.finished()) {
                int got = inflater.inflate(out, n, length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += got;
            }
            return n == length ? out : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
