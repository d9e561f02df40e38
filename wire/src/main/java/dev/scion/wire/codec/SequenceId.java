package dev.scion.wire.codec;

/**
 * The packet sequence id of one connection. It restarts with every command (the client's first packet has
 * id 0) and goes up by one for every packet in either direction, wrapping at 256. The decoder reports the id
 * of each client packet; the connection calls {@link #continueAfter} with it, and every packet the server
 * writes takes {@link #next}.
 *
 * <p>Used only by the thread currently processing the connection's command.
 */
public final class SequenceId {
    private int next;

    /** The server's next packet follows the client's packet {@code clientSequenceId}. */
    public void continueAfter(int clientSequenceId) {
        next = (clientSequenceId + 1) & 0xff;
    }

    /** Starts a new exchange initiated by the server (the initial handshake): its first packet is 0. */
    public void reset() {
        next = 0;
    }

    /** The id for the next packet written. */
    public int next() {
        int id = next;
        next = (next + 1) & 0xff;
        return id;
    }

    public int peek() {
        return next;
    }
}
