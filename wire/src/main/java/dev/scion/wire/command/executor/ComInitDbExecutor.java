package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.command.ComInitDbPacket;
import dev.scion.wire.packet.generic.OkPacket;

/** COM_INIT_DB: change the default database; OK or ERR. */
public final class ComInitDbExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        ComInitDbPacket packet = ComInitDbPacket.read(payload);
        connection.session().initDb(packet.schema());
        connection.writer().write(new OkPacket(connection.statusFlags()));
    }
}
