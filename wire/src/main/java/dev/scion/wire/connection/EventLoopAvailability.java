package dev.scion.wire.connection;

/**
 * What a command run on a connection's event loop may hold up, which decides the statements that may run there
 * rather than on a worker (see {@link dev.scion.wire.command.CommandDispatcher#runsBriefly}).
 */
public enum EventLoopAvailability {
    /** Other connections share the loop and the server is busy: only statements that never wait. */
    SHARED,
    /**
     * No command of any connection is queued or running, though other connections share the loop: also statements
     * that wait for nothing but their own sync ({@link dev.scion.wire.api.WireSession#runsBrieflyWhenIdle}).
     */
    SERVER_IDLE,
    /**
     * The connection is alone on its loop: also statements that may wait for another session's row lock
     * ({@link dev.scion.wire.api.WireSession#runsBrieflyAlone}), since the wait holds up no one else.
     */
    ALONE
}
