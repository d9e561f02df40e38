package dev.scion.wire.codec;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statement text that keeps the bytes which are not UTF-8 (a mysqldump of binary values without --hex-blob). */
class PacketPayloadTextTest {
    private static String read(byte[] bytes) {
        return new PacketPayload(Unpooled.wrappedBuffer(bytes)).readRestStringKeepingBytes();
    }

    @Test
    void validTextIsDecodedAsUtf8() {
        String text = "INSERT INTO t VALUES ('Bé 🙂', '\uFFFD')";
        assertEquals(text, read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidBytesBecomeCharactersThatNameThem() {
        byte[] bytes = {'\'', 0x00, (byte) 0xFF, 0x10, (byte) 0xC3, 'A', (byte) 0xC3, (byte) 0xA9, (byte) 0x80, '\''};
        assertEquals("'\u0000\uF7FF\u0010\uF7C3A\u00E9\uF780'", read(bytes));
    }

    @Test
    void overlongAndTruncatedSequencesAreKeptBytewise() {
        byte[] bytes = {(byte) 0xC0, (byte) 0xAF, 'x', (byte) 0xE2, (byte) 0x9C};
        assertEquals("\uF7C0\uF7AFx\uF7E2\uF79C", read(bytes));
    }
}
