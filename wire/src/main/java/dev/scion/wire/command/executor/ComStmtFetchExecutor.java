package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.Cursor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.constant.StatusFlag;
import dev.scion.wire.packet.command.ComStmtFetchPacket;
import dev.scion.wire.packet.generic.EofPacket;
import dev.scion.wire.packet.generic.OkPacket;
import dev.scion.wire.packet.generic.RawPacket;

/**
 * COM_STMT_FETCH: up to N rows of the statement's open cursor, then EOF (OK 0xFE under DEPRECATE_EOF) with
 * SERVER_STATUS_CURSOR_EXISTS, plus SERVER_STATUS_LAST_ROW_SENT once the cursor is exhausted (it is then
 * closed).
 */
public final class ComStmtFetchExecutor implements CommandExecutor {

    /** ER_STMT_HAS_NO_OPEN_CURSOR. */
    static final int NO_OPEN_CURSOR = 1421;

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        ComStmtFetchPacket packet = ComStmtFetchPacket.read(payload);
        PreparedStatementState statement = connection.statement(packet.statementId());
        if (statement == null) {
            throw ErrorCode.ER_UNKNOWN_STMT_HANDLER.exception(packet.statementId(), "mysqld_stmt_fetch");
        }
        Cursor cursor = statement.cursor();
        if (cursor == null) {
            throw new WireException(NO_OPEN_CURSOR, "HY000",
                    "The statement (" + packet.statementId() + ") has no open cursor.");
        }
        long wanted = packet.rows() == 0 ? 1 : packet.rows();
        for (long i = 0; i < wanted; i++) {
            byte[] row = cursor.next();
            if (row == null) {
                break;
            }
            connection.writer().write(new RawPacket(row));
        }
        int status = connection.statusFlags() | StatusFlag.SERVER_STATUS_CURSOR_EXISTS.bit();
        if (cursor.exhausted()) {
            status |= StatusFlag.SERVER_STATUS_LAST_ROW_SENT.bit();
            statement.closeCursor();
        }
        connection.writer().write(connection.deprecateEof() ? new OkPacket(0, 0, status, 0, null, true)
                : new EofPacket(0, status));
    }
}
