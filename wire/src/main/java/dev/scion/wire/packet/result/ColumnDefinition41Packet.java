package dev.scion.wire.packet.result;

import dev.scion.wire.api.ColumnFlag;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/**
 * Protocol::ColumnDefinition41. A COM_FIELD_LIST response adds a default-value field, sent as NULL.
 */
public record ColumnDefinition41Packet(WireColumn column, boolean fieldList) implements MySqlPacket {

    private static final int FIXED_LENGTH_FIELDS = 0x0c;

    public ColumnDefinition41Packet(WireColumn column) {
        this(column, false);
    }

    @Override
    public void write(PacketPayload payload) {
        payload.writeLenencAscii("def");
        payload.writeLenencString(column.schema());
        payload.writeLenencString(column.table());
        payload.writeLenencString(column.orgTable());
        payload.writeLenencString(column.name());
        payload.writeLenencString(column.orgName());
        payload.writeLenencInt(FIXED_LENGTH_FIELDS);
        payload.writeInt2(column.characterSet());
        payload.writeInt4(Math.min(column.columnLength(), 0xFFFFFFFFL));
        payload.writeInt1(column.type().code());
        payload.writeInt2(flags(column));
        payload.writeInt1(column.decimals());
        payload.writeInt2(0);
        if (fieldList) {
            payload.writeNull();
        }
    }

    static int flags(WireColumn column) {
        int flags = 0;
        if (column.flags() != null) {
            for (ColumnFlag flag : column.flags()) {
                flags |= flag.bit();
            }
        }
        return flags;
    }
}
