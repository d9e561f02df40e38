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
        WireException failure = null;
        try {
            connection.session().query(packet.sql(), connection.multiStatements(), sink);
        } catch (WireException e) {
            failure = e;
        } catch (ConnectionClosedException e) {
            throw e;
        } catch (RuntimeException e) {
            failure = CommandDispatcher.internalError(e);
        } finally {
            // a LOAD DATA LOCAL file not read to its end is skipped before the answer
            connection.finishLocalInfile();
        }
        if (failure == null) {
            sink.finish();
        } else {
            sink.fail(failure);
        }
    }
}
