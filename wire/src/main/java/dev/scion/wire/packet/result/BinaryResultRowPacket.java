package dev.scion.wire.packet.result;

import dev.scion.wire.api.WireColumn;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;
import dev.scion.wire.value.BinaryValueEncoder;

import java.util.List;

/** ProtocolBinary::ResultsetRow: 0x00, NULL bitmap with an offset of 2 bits, then the non-NULL values. */
public record BinaryResultRowPacket(List<WireColumn> columns, Object[] values) implements MySqlPacket {

    private static final int NULL_BITMAP_OFFSET = 2;

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(0x00);
        int bitmapLength = (values.length + 7 + NULL_BITMAP_OFFSET) / 8;
        byte[] bitmap = new byte[bitmapLength];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                int bit = i + NULL_BITMAP_OFFSET;
                bitmap[bit >> 3] |= (byte) (1 << (bit & 7));
            }
        }
        payload.writeBytes(bitmap);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                BinaryValueEncoder.write(payload, values[i], columns.get(i));
            }
        }
    }
}
