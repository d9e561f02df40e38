package dev.scion.sql.session;

/**
 * What the SQL side may ask of the connections around it: KILL. The server installs an implementation on
 * every session (the protocol layer owns the connection registry); sessions outside a server have none.
 */
public interface ConnectionControl {

    /** No connections to control (embedded use, tests). */
    ConnectionControl NONE = (connectionId, queryOnly) -> false;

    /**
     * KILL [CONNECTION | QUERY] id: interrupts the connection's running statement and, unless
     * {@code queryOnly}, closes the connection.
     *
     * @return false if there is no such connection
     */
    boolean kill(long connectionId, boolean queryOnly);
}
