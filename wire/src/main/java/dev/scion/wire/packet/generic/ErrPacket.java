package dev.scion.wire.packet.generic;

import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.MySqlPacket;

/** ERR_Packet: 0xFF, error code, '#', 5-character SQLSTATE, message. */
public record ErrPacket(int errorCode, String sqlState, String message) implements MySqlPacket {

    public static final int HEADER = 0xff;

    public static ErrPacket of(WireException e) {
        return new ErrPacket(e.errorCode(), e.sqlState(), e.getMessage());
    }

    public static ErrPacket of(ErrorCode code, Object... args) {
        return new ErrPacket(code.code(), code.sqlState(), code.message(args));
    }

    @Override
    public void write(PacketPayload payload) {
        payload.writeInt1(HEADER);
        payload.writeInt2(errorCode);
        payload.writeInt1('#');
        String state = sqlState == null || sqlState.length() != 5 ? "HY000" : sqlState;
        payload.writeRestString(state);
        payload.writeRestString(message == null ? "" : message);
    }
}
