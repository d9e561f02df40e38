package dev.scion.wire.packet;

import dev.scion.wire.codec.PacketPayload;

/** A packet the server sends: it writes its payload; framing and sequence ids are done by the caller. */
public interface MySqlPacket {

    void write(PacketPayload payload);
}
