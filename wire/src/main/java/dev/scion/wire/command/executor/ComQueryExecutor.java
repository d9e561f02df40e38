package dev.scion.wire.command.executor;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandDispatcher;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.command.QueryResultSink;
import dev.scion.wire.connection.ConnectionClosedException;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.command.ComQueryPacket;

/** COM_QUERY: text protocol results, possibly several (multi-statements). */
public final class ComQueryExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        ComQueryPacket packet = ComQueryPacket.read(payload);
        connection.server().questions().incrementAndGet();
        QueryResultSink sink = new QueryResultSink(connection, false);
        try {
            connection.session().query(packet.sql(), connection.multiStatements(), sink);
            sink.finish();
        } catch (WireException e) {
            sink.fail(e);
        } catch (ConnectionClosedException e) {
            throw e;
        } catch (RuntimeException e) {
            sink.fail(CommandDispatcher.internalError(e));
        }
    }
}
