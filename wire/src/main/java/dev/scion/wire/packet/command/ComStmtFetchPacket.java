package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_STMT_FETCH: statement id and the number of rows wanted from its open cursor. */
public record ComStmtFetchPacket(long statementId, long rows) {

    public static ComStmtFetchPacket read(PacketPayload payload) {
        return new ComStmtFetchPacket(payload.readInt4(), payload.readInt4());
    }
}
