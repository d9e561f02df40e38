package dev.scion.wire.packet.handshake;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** The server's initial packet, Protocol::HandshakeV10. {@code nonce} is the 20-byte auth plugin data. */
public record HandshakeV10Packet(String serverVersion, long connectionId, byte[] nonce, int capabilities,
                                 int characterSet, int statusFlags, String authPluginName) implements MySqlPacket {

    public static final int PROTOCOL_VERSION = 10;

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(PROTOCOL_VERSION);
        payload.writeNulString(serverVersion);
        payload.writeInt4(connectionId);
        payload.writeBytes(java.util.Arrays.copyOfRange(nonce, 0, 8));
        payload.writeInt1(0);
        payload.writeInt2(capabilities & 0xffff);
        payload.writeInt1(characterSet);
        payload.writeInt2(statusFlags);
        payload.writeInt2(capabilities >>> 16);
        payload.writeInt1(nonce.length + 1);
        payload.writeZero(10);
        payload.writeBytes(java.util.Arrays.copyOfRange(nonce, 8, nonce.length));
        payload.writeInt1(0);
        payload.writeNulString(authPluginName);
    }
}
