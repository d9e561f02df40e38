package dev.scion.sql.dml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.versioning.schema.Column;

/**
 * Bytes written to a utf8mb4 / utf8mb3 text column must be UTF-8: otherwise MySQL refuses them in strict mode with
 * 1366 "Incorrect string value: '\x98vT2\x10' ..." and, outside it, keeps the text before the first bad byte.
 */
final class Utf8Text {
    /** MySQL shows at most this many bytes of the bad sequence. */
    private static final int SHOWN_BYTES = 6;

    private Utf8Text() {
    }

    /** Whether the column's text is kept as UTF-8 (its collation names a utf8 character set, or none is set). */
    static boolean checked(Column c) {
        String collation = c.type().collation();
        return collation == null || collation.toLowerCase(Locale.ROOT).startsWith("utf8");
    }

    /** The bytes as text; 1366 at the first byte that is not UTF-8. */
    static String decode(byte[] bytes, Column c, long rowNumber) {
        try {
            return newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = validPrefixLength(bytes);
            throw new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE_FOR_FIELD, "Incorrect string value: '"
                    + printable(bytes, bad) + "' for column '" + c.name() + "' at row " + rowNumber);
        }
    }

    /** The text before the first byte that is not UTF-8 (what non-strict mode stores). */
    static String validPrefix(byte[] bytes) {
        return new String(bytes, 0, validPrefixLength(bytes), StandardCharsets.UTF_8);
    }

    private static int validPrefixLength(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = newDecoder().decode(in, out, true);
        return r.isError() ? in.position() : bytes.length;
    }

    /** MySQL's rendering of bad bytes: printable ASCII as itself, the rest as \xHH, "..." past six bytes. */
    private static String printable(byte[] bytes, int from) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(bytes.length, from + SHOWN_BYTES);
        for (int i = from; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02X", b));
            }
        }
        return end < bytes.length ? sb + "..." : sb.toString();
    }

    private static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
