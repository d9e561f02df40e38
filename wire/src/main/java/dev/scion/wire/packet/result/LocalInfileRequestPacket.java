package dev.scion.wire.packet.result;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** Protocol::LOCAL INFILE Request: 0xFB and the file name the client should send. */
public record LocalInfileRequestPacket(String fileName) implements MySqlPacket {

    public static final int HEADER = 0xfb;

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(HEADER);
        payload.writeRestString(fileName);
    }
}
