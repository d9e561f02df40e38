package dev.scion.wire.command;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.connection.MySqlConnection;

/**
 * Runs one command type. {@code payload} is positioned after the command byte. The executor writes its
 * response packets through {@link MySqlConnection#writer()}; a thrown {@link WireException} is sent as an ERR
 * packet by the dispatcher (executors that stream results send their own ERR after partial output).
 */
public interface CommandExecutor {

    void execute(MySqlConnection connection, PacketPayload payload) throws WireException;
}
