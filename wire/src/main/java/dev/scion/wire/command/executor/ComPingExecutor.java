package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.generic.OkPacket;

/** COM_PING: OK. */
public final class ComPingExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        connection.writer().write(new OkPacket(connection.statusFlags()));
    }
}
