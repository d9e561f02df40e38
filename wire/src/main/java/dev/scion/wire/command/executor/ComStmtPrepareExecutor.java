package dev.scion.wire.command.executor;

import dev.scion.wire.api.ColumnFlag;
import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WirePreparedStatement;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PacketWriter;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.packet.command.ComStmtPreparePacket;
import dev.scion.wire.packet.generic.EofPacket;
import dev.scion.wire.packet.result.ColumnDefinition41Packet;
import dev.scion.wire.packet.result.StmtPrepareOkPacket;

import java.util.List;
import java.util.Set;

/**
 * COM_STMT_PREPARE: COM_STMT_PREPARE_OK, then one generic definition per parameter and the result columns
 * known at prepare time, each group ended by EOF unless CLIENT_DEPRECATE_EOF.
 */
public final class ComStmtPrepareExecutor implements CommandExecutor {

    static final WireColumn PARAMETER = new WireColumn("", "", "", "?", "", WireColumn.BINARY, 0,
            MySqlType.VAR_STRING, Set.of(ColumnFlag.BINARY), 0);

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        ComStmtPreparePacket packet = ComStmtPreparePacket.read(payload);
        WirePreparedStatement handle = connection.session().prepare(packet.sql());
        if (handle == null) {
            throw new IllegalStateException("the handler prepared no statement");
        }
        int parameterCount;
        List<WireColumn> columns;
        try {
            parameterCount = handle.parameterCount();
            columns = handle.columns() == null ? List.of() : List.copyOf(handle.columns());
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
        PreparedStatementState state = connection.addStatement(handle, parameterCount, columns);
        PacketWriter writer = connection.writer();
        writer.write(new StmtPrepareOkPacket(state.id(), columns.size(), parameterCount, 0));
        if (parameterCount > 0) {
            for (int i = 0; i < parameterCount; i++) {
                writer.write(new ColumnDefinition41Packet(PARAMETER));
            }
            writeEnd(connection);
        }
        if (!columns.isEmpty()) {
            for (WireColumn column : columns) {
                writer.write(new ColumnDefinition41Packet(column));
            }
            writeEnd(connection);
        }
    }

    private static void writeEnd(MySqlConnection connection) {
        if (!connection.deprecateEof()) {
            connection.writer().write(new EofPacket(0, connection.statusFlags()));
        }
    }
}
