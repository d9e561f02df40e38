package dev.scion.wire.packet.handshake;

import dev.scion.wire.codec.MalformedPacketException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.constant.CapabilityFlag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The client's reply to the handshake, Protocol::HandshakeResponse41. */
public record HandshakeResponse41Packet(int capabilities, long maxPacketSize, int characterSet, String user,
                                        byte[] authResponse, String database, String authPluginName,
                                        Map<String, String> connectAttributes) {

    /** Length of an SSLRequest packet: a HandshakeResponse41 cut after the filler. */
    public static final int SSL_REQUEST_LENGTH = 32;

    public static HandshakeResponse41Packet read(PacketPayload payload) {
        int capabilities = (int) payload.readInt4();
        if (!CapabilityFlag.CLIENT_PROTOCOL_41.in(capabilities)) {
            throw new MalformedPacketException("client does not support protocol 4.1");
        }
        long maxPacketSize = payload.readInt4();
        int characterSet = payload.readInt1();
        payload.skip(23);
        String user = payload.readNulString();
        byte[] authResponse;
        if (CapabilityFlag.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA.in(capabilities)) {
            authResponse = payload.readLenencBytes();
            if (authResponse == null) {
                authResponse = new byte[0];
            }
        } else if (CapabilityFlag.CLIENT_SECURE_CONNECTION.in(capabilities)) {
            authResponse = payload.readBytes(payload.readInt1());
        } else {
            authResponse = payload.readNulBytes();
        }
        String database = null;
        if (CapabilityFlag.CLIENT_CONNECT_WITH_DB.in(capabilities) && payload.isReadable()) {
            database = payload.readNulString();
            if (database.isEmpty()) {
                database = null;
            }
        }
        String plugin = null;
        if (CapabilityFlag.CLIENT_PLUGIN_AUTH.in(capabilities) && payload.isReadable()) {
            plugin = payload.readNulString();
        }
        Map<String, String> attributes = Collections.emptyMap();
        if (CapabilityFlag.CLIENT_CONNECT_ATTRS.in(capabilities) && payload.isReadable()) {
            attributes = readAttributes(payload);
        }
        return new HandshakeResponse41Packet(capabilities, maxPacketSize, characterSet, user, authResponse,
                database, plugin, attributes);
    }

    static Map<String, String> readAttributes(PacketPayload payload) {
        long total = payload.readLenencInt();
        if (total <= 0) {
            return Collections.emptyMap();
        }
        if (total > payload.readableBytes()) {
            throw new MalformedPacketException("connect attributes longer than the packet");
        }
        int end = payload.buffer().readerIndex() + (int) total;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (payload.buffer().readerIndex() < end) {
            String key = payload.readLenencString();
            String value = payload.readLenencString();
            attributes.put(key, value);
        }
        return Collections.unmodifiableMap(attributes);
    }
}
