package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.ServerContext;
import dev.scion.wire.packet.generic.RawPacket;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** COM_STATISTICS: a one-line status string (no header byte). */
public final class ComStatisticsExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        ServerContext server = connection.server();
        long uptime = server.uptimeSeconds();
        long questions = server.questions().get();
        String text = String.format(Locale.ROOT,
                "Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  Flush tables: 0  "
                        + "Open tables: 0  Queries per second avg: %.3f",
                uptime, server.registry().size(), questions, uptime == 0 ? 0.0 : (double) questions / uptime);
        connection.writer().write(new RawPacket(text.getBytes(StandardCharsets.UTF_8)));
    }
}
