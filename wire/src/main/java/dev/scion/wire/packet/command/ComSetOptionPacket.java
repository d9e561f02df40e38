package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;

/** COM_SET_OPTION: 0 turns multi-statements on, 1 turns them off. */
public record ComSetOptionPacket(int option) {

    public static final int MYSQL_OPTION_MULTI_STATEMENTS_ON = 0;
    public static final int MYSQL_OPTION_MULTI_STATEMENTS_OFF = 1;

    public static ComSetOptionPacket read(PacketPayload payload) {
        return new ComSetOptionPacket(payload.readInt2());
    }
}
