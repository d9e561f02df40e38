package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;

/** COM_QUIT: no response; the session is released and the connection closed. */
public final class ComQuitExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        connection.quit();
    }
}
