package dev.scion.wire.packet.generic;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.packet.MySqlPacket;

/**
 * OK_Packet. With {@code eofHeader} it is the 0xFE-headed OK that replaces the EOF packet when the client
 * negotiated CLIENT_DEPRECATE_EOF.
 *
 * <p>The info text is always written as a length-encoded string, an empty one as a single 0x00. That is what
 * MySQL sends (its net_store_data), what libmysqlclient and libmariadb read, and what Connector/J 9 reads
 * unconditionally: without the 0x00 it would parse stale buffer bytes as the info length.
 */
public record OkPacket(long affectedRows, long lastInsertId, int statusFlags, int warnings, String info,
                       boolean eofHeader) implements MySqlPacket {

    public static final int HEADER = 0x00;
    public static final int EOF_HEADER = 0xfe;

    public OkPacket(int statusFlags) {
        this(0, 0, statusFlags, 0, null, false);
    }

    public OkPacket withStatus(int status) {
        return new OkPacket(affectedRows, lastInsertId, status, warnings, info, eofHeader);
    }

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(eofHeader ? EOF_HEADER : HEADER);
        payload.writeLenencInt(affectedRows);
        payload.writeLenencInt(lastInsertId);
        payload.writeInt2(statusFlags);
        payload.writeInt2(warnings);
        payload.writeLenencString(info);
    }
}
