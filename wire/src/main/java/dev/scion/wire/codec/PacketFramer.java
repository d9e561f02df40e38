package dev.scion.wire.codec;

import dev.scion.wire.packet.MySqlPacket;
import io.netty.buffer.ByteBuf;

/**
 * Writes server packets as frames: a 4-byte header (payload length, sequence id) reserved in front of the
 * payload and filled in once the payload is written. A payload of 0xFFFFFF bytes or more is cut into
 * 0xFFFFFF-byte frames plus a final, possibly empty, frame, each with the next sequence id.
 */
public final class PacketFramer {

    private PacketFramer() {
    }

    /** Encodes {@code packet} into {@code out} as one or more frames; returns the number of frames. */
    public static int write(ByteBuf out, MySqlPacket packet, SequenceId sequenceId) {
        int headerIndex = out.writerIndex();
        out.writeIntLE(0);
        int payloadStart = out.writerIndex();
        try {
            packet.write(new PacketPayload(out));
        } catch (RuntimeException e) {
            // a value that cannot be encoded: leave no partial frame behind
            out.writerIndex(headerIndex);
            throw e;
        }
        int length = out.writerIndex() - payloadStart;
        if (length < PacketDecoder.MAX_FRAME_PAYLOAD) {
            out.setMediumLE(headerIndex, length);
            out.setByte(headerIndex + 3, sequenceId.next());
            return 1;
        }
        ByteBuf payload = out.copy(payloadStart, length);
        try {
            out.writerIndex(headerIndex);
            return writeSplit(out, payload, sequenceId);
        } finally {
            payload.release();
        }
    }

    /** Frames an already encoded payload. */
    public static int writeSplit(ByteBuf out, ByteBuf payload, SequenceId sequenceId) {
        int frames = 0;
        while (true) {
            int chunk = Math.min(payload.readableBytes(), PacketDecoder.MAX_FRAME_PAYLOAD);
            out.writeMediumLE(chunk);
            out.writeByte(sequenceId.next());
            out.writeBytes(payload, chunk);
            frames++;
            if (chunk < PacketDecoder.MAX_FRAME_PAYLOAD) {
                return frames;
            }
        }
    }
}
