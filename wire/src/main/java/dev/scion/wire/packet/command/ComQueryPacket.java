package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/**
 * COM_QUERY: the statement text (CLIENT_QUERY_ATTRIBUTES is not negotiated, so nothing precedes it). Bytes that are
 * not UTF-8 are kept (PacketPayload#readRestStringKeepingBytes).
 */
public record ComQueryPacket(String sql) {

    public static ComQueryPacket read(PacketPayload payload) {
        return new ComQueryPacket(payload.readRestStringKeepingBytes());
    }
}
