package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_STMT_RESET: statement id. */
public record ComStmtResetPacket(long statementId) {

    public static ComStmtResetPacket read(PacketPayload payload) {
        return new ComStmtResetPacket(payload.readInt4());
    }
}
