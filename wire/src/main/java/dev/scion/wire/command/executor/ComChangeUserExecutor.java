package dev.scion.wire.command.executor;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.command.CommandExecutor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.packet.command.ComChangeUserPacket;

/**
 * COM_CHANGE_USER: the current session and its prepared statements are released, then the new user is
 * authenticated through an auth switch with a fresh challenge and a new session opened. A failure closes the
 * connection (error 1045 first).
 */
public final class ComChangeUserExecutor implements CommandExecutor {

    @Override
    public void execute(MySqlConnection connection, PacketPayload payload) {
        ComChangeUserPacket packet = ComChangeUserPacket.read(payload, connection.capabilities());
        connection.closeStatements();
        connection.closeSession();
        connection.authenticator().changeUser(packet);
    }
}
