package dev.scion.wire.api;

import java.net.InetSocketAddress;
import java.util.Map;

/** What the wire layer learned about a client during the handshake. */
public record SessionInfo(
        long connectionId,
        String user,
        InetSocketAddress remote,
        String database,
        int clientCapabilities,
        Map<String, String> connectAttributes) {
}
