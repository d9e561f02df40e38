package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_STMT_PREPARE: the statement text. */
public record ComStmtPreparePacket(String sql) {

    public static ComStmtPreparePacket read(PacketPayload payload) {
        return new ComStmtPreparePacket(payload.readRestString());
    }
}
