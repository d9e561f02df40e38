package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.packet.command.ComStmtSendLongDataPacket;

/** COM_STMT_SEND_LONG_DATA: appends a chunk to a parameter's value. Never answered. */
public final class ComStmtSendLongDataExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        ComStmtSendLongDataPacket packet = ComStmtSendLongDataPacket.read(payload);
        PreparedStatementState statement = connection.statement(packet.statementId());
        if (statement != null) {
            statement.appendLongData(packet.parameterId(), packet.data());
        }
    }
}
