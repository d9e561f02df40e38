package dev.scion.wire.packet.handshake;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** Protocol::AuthMoreData: 0x01 followed by plugin data (caching_sha2_password: 0x03 fast auth OK, 0x04 full auth). */
public record AuthMoreDataPacket(byte[] data) implements MySqlPacket {

    public static final byte FAST_AUTH_SUCCESS = 0x03;
    public static final byte PERFORM_FULL_AUTHENTICATION = 0x04;

    public static AuthMoreDataPacket fastAuthSuccess() {
        return new AuthMoreDataPacket(new byte[] {FAST_AUTH_SUCCESS});
    }

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(0x01);
        payload.writeBytes(data);
    }
}
