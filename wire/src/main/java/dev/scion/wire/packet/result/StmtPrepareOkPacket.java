package dev.scion.wire.packet.result;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** COM_STMT_PREPARE_OK: 0x00, statement id, column count, parameter count, filler, warning count. */
public record StmtPrepareOkPacket(long statementId, int columnCount, int parameterCount, int warnings)
        implements MySqlPacket {

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(0x00);
        payload.writeInt4(statementId);
        payload.writeInt2(columnCount);
        payload.writeInt2(parameterCount);
        payload.writeInt1(0x00);
        payload.writeInt2(warnings);
    }
}
