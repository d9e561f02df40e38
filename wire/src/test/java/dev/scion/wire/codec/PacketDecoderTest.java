package dev.scion.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class PacketDecoderTest {

    private static ByteBuf frame(int length, int seq, byte fill) {
        ByteBuf b = Unpooled.buffer(length + 4);
        b.writeMediumLE(length);
        b.writeByte(seq);
        for (int i = 0; i < length; i++) {
            b.writeByte(fill);
        }
        return b;
    }

    @Test
    void framesArriveInPiecesAndTogether() {
        EmbeddedChannel ch = new EmbeddedChannel(new PacketDecoder(1 << 20));
        ByteBuf two = Unpooled.buffer();
        two.writeBytes(frame(3, 0, (byte) 'a'));
        two.writeBytes(frame(0, 1, (byte) 0));
        // byte by byte
        while (two.isReadable()) {
            ch.writeInbound(two.readRetainedSlice(1));
        }
        two.release();
        InboundPacket p1 = ch.readInbound();
        assertEquals(0, p1.sequenceId());
        assertEquals(3, p1.payload().readableBytes());
        p1.payload().release();
        InboundPacket p2 = ch.readInbound();
        assertEquals(1, p2.sequenceId());
        assertEquals(0, p2.payload().readableBytes());
        p2.payload().release();
        assertNull(ch.readInbound());
        ch.finishAndReleaseAll();
    }

    @Test
    void splitPacketIsReassembledWithTheLastSequenceId() {
        EmbeddedChannel ch = new EmbeddedChannel(new PacketDecoder(64L << 20));
        ch.writeInbound(frame(PacketDecoder.MAX_FRAME_PAYLOAD, 0, (byte) 'x'));
        assertNull(ch.readInbound());
        ch.writeInbound(frame(5, 1, (byte) 'y'));
        InboundPacket p = ch.readInbound();
        assertEquals(1, p.sequenceId());
        assertEquals(PacketDecoder.MAX_FRAME_PAYLOAD + 5, p.payload().readableBytes());
        p.payload().release();
        ch.finishAndReleaseAll();
    }

    @Test
    void oversizedPacketIsSkippedAndReported() {
        EmbeddedChannel ch = new EmbeddedChannel(new PacketDecoder(1024));
        ByteBuf big = frame(5000, 0, (byte) 'z');
        ch.writeInbound(big.readRetainedSlice(2000));
        assertNull(ch.readInbound());
        ch.writeInbound(big.readRetainedSlice(big.readableBytes()));
        big.release();
        OversizedPacket o = assertInstanceOf(OversizedPacket.class, ch.readInbound());
        assertEquals(0, o.sequenceId());
        assertEquals(5000, o.length());
        // the stream is still in sync
        ch.writeInbound(frame(1, 0, (byte) 'k'));
        InboundPacket p = ch.readInbound();
        assertEquals(1, p.payload().readableBytes());
        p.payload().release();
        ch.finishAndReleaseAll();
    }
}
