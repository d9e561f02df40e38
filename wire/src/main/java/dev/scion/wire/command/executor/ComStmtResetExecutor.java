package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.command.ComStmtResetPacket;
import dev.scion.wire.packet.generic.OkPacket;

/** COM_STMT_RESET: drops the statement's long data and open cursor; OK. */
public final class ComStmtResetExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        long statementId = ComStmtResetPacket.read(payload).statementId();
        PreparedStatementState statement = connection.statement(statementId);
        if (statement == null) {
            throw ErrorCode.ER_UNKNOWN_STMT_HANDLER.exception(statementId, "mysqld_stmt_reset");
        }
        statement.clearLongData();
        statement.closeCursor();
        connection.writer().write(new OkPacket(connection.statusFlags()));
    }
}
