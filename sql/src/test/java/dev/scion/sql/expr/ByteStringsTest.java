package dev.scion.sql.expr;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Strings from statement text that carried raw bytes (U+F780..U+F7FF, see the wire's COM_QUERY decoding). */
class ByteStringsTest {
    @Test
    void plainTextIsItsUtf8() {
        assertArrayEquals("Bé 🙂".getBytes(StandardCharsets.UTF_8), ByteStrings.bytes("Bé 🙂"));
    }

    @Test
    void carriedBytesComeBackAsThemselves() {
        assertArrayEquals(new byte[] {0x00, (byte) 0xFF, 0x10, (byte) 0xC3, 'A', (byte) 0xC3, (byte) 0xA9, (byte) 0x80},
                ByteStrings.bytes("\u0000\uF7FF\u0010\uF7C3A\u00E9\uF780"));
    }
}
