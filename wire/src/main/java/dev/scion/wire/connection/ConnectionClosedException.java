package dev.scion.wire.connection;

/** Thrown to a worker writing to a connection whose client has gone away. */
public final class ConnectionClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException() {
        super("connection closed", null, false, false);
    }
}
