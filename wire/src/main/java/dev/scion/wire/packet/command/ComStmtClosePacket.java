package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_STMT_CLOSE: statement id. No response. */
public record ComStmtClosePacket(long statementId) {

    public static ComStmtClosePacket read(PacketPayload payload) {
        return new ComStmtClosePacket(payload.readInt4());
    }
}
