package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_STMT_SEND_LONG_DATA: statement id, parameter index, a chunk of the parameter's value. No response. */
public record ComStmtSendLongDataPacket(long statementId, int parameterId, byte[] data) {

    public static ComStmtSendLongDataPacket read(PacketPayload payload) {
        long statementId = payload.readInt4();
        int parameterId = payload.readInt2();
        return new ComStmtSendLongDataPacket(statementId, parameterId, payload.readRestBytes());
    }
}
