package dev.scion.wire.codec;

import io.netty.buffer.ByteBuf;

/**
 * One logical client packet after reassembly: the payload of all its frames and the sequence id of the last
 * frame (the server's reply continues from there). The receiver owns (must release) the payload.
 */
public record InboundPacket(int sequenceId, ByteBuf payload) {
}
