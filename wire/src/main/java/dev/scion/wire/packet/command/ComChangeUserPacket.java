package dev.scion.wire.packet.command;

import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.constant.CapabilityFlag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** COM_CHANGE_USER: user, auth response, database, character set, plugin name, connect attributes. */
public record ComChangeUserPacket(String user, byte[] authResponse, String database, int characterSet,
                                  String authPluginName, Map<String, String> connectAttributes) {

    public static ComChangeUserPacket read(PacketPayload payload, int capabilities) {
        String user = payload.readNulString();
        byte[] auth;
        if (CapabilityFlag.CLIENT_SECURE_CONNECTION.in(capabilities)) {
            auth = payload.readBytes(payload.readInt1());
        } else {
            auth = payload.readNulBytes();
        }
        String database = payload.isReadable() ? payload.readNulString() : "";
        int characterSet = 0;
        if (payload.readableBytes() >= 2) {
            characterSet = payload.readInt2();
        }
        String plugin = null;
        if (CapabilityFlag.CLIENT_PLUGIN_AUTH.in(capabilities) && payload.isReadable()) {
            plugin = payload.readNulString();
        }
        Map<String, String> attributes = Collections.emptyMap();
        if (CapabilityFlag.CLIENT_CONNECT_ATTRS.in(capabilities) && payload.isReadable()) {
            long total = payload.readLenencInt();
            int end = payload.buffer().readerIndex() + (int) Math.min(total, payload.readableBytes());
            Map<String, String> map = new LinkedHashMap<>();
            while (payload.buffer().readerIndex() < end) {
                map.put(payload.readLenencString(), payload.readLenencString());
            }
            attributes = Collections.unmodifiableMap(map);
        }
        return new ComChangeUserPacket(user, auth, database.isEmpty() ? null : database, characterSet, plugin,
                attributes);
    }
}
