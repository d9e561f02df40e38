package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_FIELD_LIST: a table name and an optional column wildcard. */
public record ComFieldListPacket(String table, String wildcard) {

    public static ComFieldListPacket read(PacketPayload payload) {
        String table = payload.readNulString();
        String wildcard = payload.isReadable() ? payload.readRestString() : "";
        return new ComFieldListPacket(table, wildcard);
    }
}
