package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.command.ComSetOptionPacket;
import dev.scion.wire.packet.generic.EofPacket;
import dev.scion.wire.packet.generic.OkPacket;

/** COM_SET_OPTION: multi-statements on or off; answered with EOF (OK 0xFE under DEPRECATE_EOF). */
public final class ComSetOptionExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        ComSetOptionPacket packet = ComSetOptionPacket.read(payload);
        switch (packet.option()) {
            case ComSetOptionPacket.MYSQL_OPTION_MULTI_STATEMENTS_ON -> connection.multiStatements(true);
            case ComSetOptionPacket.MYSQL_OPTION_MULTI_STATEMENTS_OFF -> connection.multiStatements(false);
            default -> throw ErrorCode.ER_UNKNOWN_COM_ERROR.exception();
        }
        int status = connection.statusFlags();
        connection.writer().write(connection.deprecateEof() ? new OkPacket(0, 0, status, 0, null, true)
                : new EofPacket(0, status));
    }
}
