package dev.scion.sql.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How the text of a MySQL character set is laid out in bytes. Scion keeps every string as Java text (stored as
 * UTF-8); the character set shows in its bytes (LENGTH, HEX, BINARY, CONVERT(x USING binary)) and in which
 * characters survive a conversion (a character latin1 or ascii cannot hold becomes '?', as MySQL converts).
 */
public final class CharsetEncoding {
    private CharsetEncoding() {
    }

    /** The Java charset laying out {@code charset} (a MySQL name); null for {@code binary}. */
    public static Charset of(String charset) {
        return switch (charset == null ? Charsets.DEFAULT_CHARSET : charset) {
            case "binary" -> null;
            case "ascii" -> StandardCharsets.US_ASCII;
            // MySQL's latin1 is Windows cp1252 (0x80 is the euro sign)
            case "latin1" -> Charset.forName("windows-1252");
            // ucs2 is UTF-16 restricted to the basic plane; big-endian like utf16
            case "utf16", "ucs2" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            default -> StandardCharsets.UTF_8;
        };
    }

    /** The bytes of {@code text} in {@code charset}; a character it cannot hold is '?'. */
    public static byte[] encode(String charset, String text) {
        Charset cs = of(charset);
        if (cs == null || cs == StandardCharsets.UTF_8) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if ("ucs2".equals(charset)) {
            text = basicPlaneOnly(text);
        }
        CharsetEncoder encoder = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("?".getBytes(cs));
        try {
            ByteBuffer b = encoder.encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoder failed", e);
        }
    }

    /** {@code text} as {@code charset} holds it: the characters it cannot hold are '?'. */
    public static String convert(String charset, String text) {
        Charset cs = of(charset);
        if (cs == null || cs == StandardCharsets.UTF_8 || cs == StandardCharsets.UTF_16BE && !"ucs2".equals(charset)
                || cs == StandardCharsets.UTF_16LE || "utf32".equals(charset)) {
            return text;
        }
        return new String(encode(charset, text), cs);
    }

    private static String basicPlaneOnly(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.append(cp > 0xFFFF ? "?" : Character.toString(cp)));
        return sb.toString();
    }
}
