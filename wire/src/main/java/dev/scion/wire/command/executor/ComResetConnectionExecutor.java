package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.generic.OkPacket;

/** COM_RESET_CONNECTION: the session resets its state, prepared statements are dropped; OK. */
public final class ComResetConnectionExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        connection.closeStatements();
        connection.session().reset();
        connection.writer().write(new OkPacket(connection.statusFlags()));
    }
}
