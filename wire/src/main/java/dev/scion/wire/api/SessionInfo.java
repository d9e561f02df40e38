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
        Map<String, String> connectAttributes,
        boolean secureTransport) {

    /** {@code secureTransport}: the client switched the connection to TLS before authenticating. */
    public SessionInfo(long connectionId, String user, InetSocketAddress remote, String database,
                       int clientCapabilities, Map<String, String> connectAttributes) {
        this(connectionId, user, remote, database, clientCapabilities, connectAttributes, false);
    }
}
