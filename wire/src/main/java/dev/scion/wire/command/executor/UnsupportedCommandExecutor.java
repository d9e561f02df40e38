package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.constant.ErrorCode;

/** Any command without an executor: ERR 1047 Unknown command. */
public final class UnsupportedCommandExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        throw ErrorCode.ER_UNKNOWN_COM_ERROR.exception();
    }
}
