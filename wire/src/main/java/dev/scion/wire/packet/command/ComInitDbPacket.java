package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_INIT_DB: the schema name. */
public record ComInitDbPacket(String schema) {

    public static ComInitDbPacket read(PacketPayload payload) {
        return new ComInitDbPacket(payload.readRestString());
    }
}
