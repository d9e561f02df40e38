package dev.scion.wire.packet.result;

import dev.scion.wire.api.WireColumn;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;
import dev.scion.wire.value.TextValueEncoder;

import java.util.List;

/** ProtocolText::ResultsetRow: one length-encoded string per column, 0xFB for NULL. */
public record TextResultRowPacket(List<WireColumn> columns, Object[] values) implements MySqlPacket {

    @Override
    public void write(PacketPayload payload) {
        for (int i = 0; i < values.length; i++) {
            TextValueEncoder.write(payload, values[i], columns.get(i));
        }
    }
}
