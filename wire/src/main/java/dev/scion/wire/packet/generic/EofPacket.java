package dev.scion.wire.packet.generic;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** EOF_Packet (protocol 4.1): 0xFE, warnings, status flags. */
public record EofPacket(int warnings, int statusFlags) implements MySqlPacket {

    public static final int HEADER = 0xfe;

    public EofPacket withStatus(int status) {
        return new EofPacket(warnings, status);
    }

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(HEADER);
        payload.writeInt2(warnings);
        payload.writeInt2(statusFlags);
    }
}
