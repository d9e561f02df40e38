package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.command.ComFieldListPacket;
import dev.scion.wire.packet.generic.EofPacket;
import dev.scion.wire.packet.generic.OkPacket;
import dev.scion.wire.packet.result.ColumnDefinition41Packet;

import java.util.List;

/** COM_FIELD_LIST: column definitions (with a NULL default value) ended by EOF (or OK 0xFE). */
public final class ComFieldListExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        ComFieldListPacket packet = ComFieldListPacket.read(payload);
        List<WireColumn> columns = connection.session().fieldList(packet.table(), packet.wildcard());
        if (columns != null) {
            for (WireColumn column : columns) {
                connection.writer().write(new ColumnDefinition41Packet(column, true));
            }
        }
        int status = connection.statusFlags();
        connection.writer().write(connection.deprecateEof() ? new OkPacket(0, 0, status, 0, null, true)
                : new EofPacket(0, status));
    }
}
