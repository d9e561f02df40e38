package dev.scion.wire.value;

import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryParameterDecoderTest {

    private static PacketPayload payload(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new PacketPayload(Unpooled.wrappedBuffer(b));
    }

    @Test
    void primitiveTypesDecodeToTheirJavaValues() {
        assertInstanceOf(Float.class, BinaryParameterDecoder.read(payload(0, 0, 0xc0, 0x3f), 0x04, false));
        assertEquals(1.5f, BinaryParameterDecoder.read(payload(0, 0, 0xc0, 0x3f), 0x04, false));
        assertEquals(65535L, BinaryParameterDecoder.read(payload(0xff, 0xff), 0x02, true));
        assertEquals(4294967295L, BinaryParameterDecoder.read(payload(0xff, 0xff, 0xff, 0xff), 0x03, true));
        assertEquals("0000-00-00 00:00:00", BinaryParameterDecoder.read(payload(0), 0x0c, false));
        assertEquals(Duration.ZERO, BinaryParameterDecoder.read(payload(0), 0x0b, false));
        assertEquals("abc", BinaryParameterDecoder.read(payload(3, 'a', 'b', 'c'), 0xfd, false));
        assertEquals(null, BinaryParameterDecoder.read(payload(), 0x06, false));
    }

    @Test
    void stringParametersThatAreNoUtf8StayBytes() {
        assertEquals("h\u00e9", BinaryParameterDecoder.read(payload(3, 'h', 0xc3, 0xa9), 0xfe, false));
        // Connector/J's setBytes: a string type carrying binary data (a BIT value, a geometry)
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {(byte) 0xa5},
                (byte[]) BinaryParameterDecoder.read(payload(1, 0xa5), 0xfd, false));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {0, (byte) 0xf0, 0x3f},
                (byte[]) BinaryParameterDecoder.fromLongData(new byte[] {0, (byte) 0xf0, 0x3f}, 0xfe));
    }

    @Test
    void truncatedValuesAndUnknownTypesAreMalformed() {
        assertThrows(MalformedPacketException.class, () -> BinaryParameterDecoder.read(payload(1, 2), 0x08, false));
        assertThrows(MalformedPacketException.class, () -> BinaryParameterDecoder.read(payload(5, 'a'), 0xfd, false));
        assertThrows(MalformedPacketException.class, () -> BinaryParameterDecoder.read(payload(1), 0x42, false));
    }
}
