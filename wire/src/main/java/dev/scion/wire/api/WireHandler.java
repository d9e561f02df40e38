package dev.scion.wire.api;

import java.net.InetSocketAddress;

/**
 * The narrow interface the protocol layer calls. The wire module defines it and depends on nothing else;
 * the server module implements it on top of the SQL engine.
 */
public interface WireHandler {

    /**
     * Credentials for a user connecting from the given address, or null when no such account may connect
     * from there (the client then gets error 1045).
     */
    UserCredentials credentials(String user, InetSocketAddress remote);

    /**
     * Opens a session after successful authentication. {@code database} is what the client sent in the
     * handshake (may be null, may name a revision such as {@code mydb/feature}).
     *
     * @throws WireException to refuse the session (for example 1049 unknown database)
     */
    WireSession openSession(SessionInfo info) throws WireException;
}
