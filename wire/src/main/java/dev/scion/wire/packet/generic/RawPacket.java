package dev.scion.wire.packet.generic;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** A payload given as bytes (the COM_STATISTICS string, or a row encoded earlier for a cursor). */
public record RawPacket(byte[] payload) implements MySqlPacket {

    @Override
    public void write(PacketPayload out) {
        out.writeBytes(payload);
    }
}
