package dev.scion.wire.codec;

/**
 * Emitted by {@link PacketDecoder} in place of a client packet larger than max_allowed_packet, once all of its
 * bytes have been read and discarded. {@code sequenceId} is the id of its last frame.
 */
public record OversizedPacket(int sequenceId, long length) {
}
