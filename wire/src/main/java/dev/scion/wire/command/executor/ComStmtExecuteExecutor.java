package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandDispatcher;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.command.CursorResultSink;
import dev.scion.wire.command.QueryResultSink;
import dev.scion.wire.connection.ConnectionClosedException;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.constant.CursorType;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.command.ComStmtExecutePacket;
import dev.scion.wire.value.BinaryParameterDecoder;

/**
 * COM_STMT_EXECUTE: decodes the parameters (using the types remembered from an earlier execute when the
 * client does not resend them, and the long data sent for the statement), runs the statement and streams
 * binary-protocol results, or opens a cursor when asked for CURSOR_TYPE_READ_ONLY.
 */
public final class ComStmtExecuteExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) throws WireException {
        long statementId = ComStmtExecutePacket.peekStatementId(payload);
        PreparedStatementState statement = connection.statement(statementId);
        if (statement == null) {
            throw ErrorCode.ER_UNKNOWN_STMT_HANDLER.exception(statementId, "mysqld_stmt_execute");
        }
        ComStmtExecutePacket packet;
        try {
            packet = ComStmtExecutePacket.read(payload, statement.parameterCount(), statement.parameterTypes(),
                    statement.longDataFlags());
        } catch (ComStmtExecutePacket.MissingParameterTypesException e) {
            statement.clearLongData();
            throw ErrorCode.ER_WRONG_ARGUMENTS.exception("mysqld_stmt_execute");
        }
        if (packet.newParametersBound()) {
            statement.parameterTypes(packet.parameterTypes());
        }
        Object[] parameters = packet.parameters();
        boolean[] longData = statement.longDataFlags();
        if (longData != null) {
            for (int i = 0; i < longData.length; i++) {
                if (longData[i]) {
                    parameters[i] = BinaryParameterDecoder.fromLongData(statement.longData(i),
                            packet.parameterTypes()[i] & 0xff);
                }
            }
            statement.clearLongData();
        }
        statement.closeCursor();
        connection.server().questions().incrementAndGet();

        QueryResultSink sink = CursorType.CURSOR_TYPE_READ_ONLY.in(packet.flags())
                ? new CursorResultSink(connection, statement)
                : new QueryResultSink(connection, true);
        try {
            statement.handle().execute(parameters, sink);
            sink.finish();
        } catch (WireException e) {
            statement.closeCursor();
            sink.fail(e);
        } catch (ConnectionClosedException e) {
            throw e;
        } catch (RuntimeException e) {
            statement.closeCursor();
            sink.fail(CommandDispatcher.internalError(e));
        }
    }
}
