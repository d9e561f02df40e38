package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.command.ComStmtClosePacket;

/** COM_STMT_CLOSE: deallocates the statement. Never answered. */
public final class ComStmtCloseExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        connection.closeStatement(ComStmtClosePacket.read(payload).statementId());
    }
}
