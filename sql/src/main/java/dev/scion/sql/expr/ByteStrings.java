package dev.scion.sql.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a string that is stored in or compared as a byte string (BINARY, VARBINARY, BLOB, CAST AS BINARY,
 * HEX, LENGTH). Statement text may carry bytes that are not UTF-8: a mysqldump without --hex-blob writes binary
 * values as raw bytes inside quotes. The wire layer decodes each such byte b of a COM_QUERY as the character
 * U+F700 + b (U+F780..U+F7FF, private use), and this maps them back, so those values arrive byte for byte. The
 * price: a real U+F780..U+F7FF character in a literal bound for a byte string also becomes one byte.
 */
public final class ByteStrings {
    private static final char FIRST = '\uF780';
    private static final char LAST = '\uF7FF';

    private ByteStrings() {
    }

    public static byte[] bytes(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (s.charAt(i) < FIRST || s.charAt(i) > LAST)) {
            i++;
        }
        if (i == n) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 8);
        int start = 0;
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            if (c >= FIRST && c <= LAST) {
                out.writeBytes(s.substring(start, j).getBytes(StandardCharsets.UTF_8));
                out.write(c - 0xF700);
                start = j + 1;
            }
        }
        out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
