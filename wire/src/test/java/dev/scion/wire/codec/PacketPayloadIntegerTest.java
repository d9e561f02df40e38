package dev.scion.wire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Integers written as length-encoded decimal text without an intermediate String. */
class PacketPayloadIntegerTest {
    @Test
    void everyMagnitudeAndSignReadsBackAsItsDecimalText() {
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 123456789, -987654321, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, 1_000_000_000_000_000_000L};
        for (long v : values) {
            ByteBuf buf = Unpooled.buffer(1); // grows: the digits must not rely on spare room
            new PacketPayload(buf).writeLenencLong(v);
            assertEquals(Long.toString(v), new PacketPayload(buf).readLenencString(), "value " + v);
            assertEquals(0, buf.readableBytes(), "nothing after the text of " + v);
        }
    }
}
