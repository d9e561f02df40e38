package dev.scion.wire.packet.handshake;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** Protocol::AuthSwitchRequest: 0xFE, plugin name, plugin data (nonce followed by a NUL). */
public record AuthSwitchRequestPacket(String pluginName, byte[] nonce) implements MySqlPacket {

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(0xfe);
        payload.writeNulString(pluginName);
        payload.writeBytes(nonce);
        payload.writeInt1(0);
    }
}
