package dev.scion.wire.packet.result;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/** The first packet of a result set: the number of columns. */
public record ColumnCountPacket(int count) implements MySqlPacket {

    @Override
    public void write(PacketPayload payload) {
        payload.writeLenencInt(count);
    }
}
