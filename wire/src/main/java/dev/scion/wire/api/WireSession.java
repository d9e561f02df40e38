package dev.scion.wire.api;

import java.util.List;

/**
 * One authenticated client session. The wire layer calls it from a single thread at a time, one command after
 * another, exactly as the client sends them. That thread is a worker, except for statements the session itself
 * reports as brief ({@link #runsBriefly}), which run on the connection's Netty event loop.
 */
public interface WireSession extends AutoCloseable {

    /** COM_QUERY. The text may hold several statements when the client enabled multi-statements. */
    void query(String sql, boolean multiStatements, ResultSink sink) throws WireException;

    /**
     * Whether {@code sql} is certain to finish quickly without waiting on anything (other sessions, locks, the
     * client, a large result): such a statement is run on the network thread that read it, saving the two thread
     * hand-offs (to a worker and back) that otherwise cost more CPU than a primary-key lookup. Must be cheap and
     * free of side effects; called on the event loop while no other command of this session runs. When in doubt,
     * false.
     */
    default boolean runsBriefly(String sql) {
        return false;
    }

    /**
     * Whether {@code sql} finishes without waiting on another session, the client or a large result, though it may
     * wait for its own commit's sync (a one-row write, a COMMIT). The wire layer runs such a statement
     * on the network thread only while the server runs no other command, so the thread it holds up has nothing
     * else to do; a lone client's write then skips both hand-offs. Same contract as {@link #runsBriefly} otherwise.
     */
    default boolean runsBrieflyWhenIdle(String sql) {
        return false;
    }

    /**
     * Whether {@code sql} finishes without waiting for the client or producing a large result, though it may wait
     * for another session's row lock and for its own commit's sync (a one-row write, a COMMIT). The wire layer runs
     * such a statement on the network thread only while the connection has that thread's event loop to itself, so
     * a wait holds up no other connection. Same contract as {@link #runsBriefly} otherwise.
     */
    default boolean runsBrieflyAlone(String sql) {
        return runsBrieflyWhenIdle(sql);
    }

    /** COM_INIT_DB. */
    void initDb(String database) throws WireException;

    /** COM_FIELD_LIST: the column definitions of a table (default values are not sent). */
    List<WireColumn> fieldList(String table, String wildcard) throws WireException;

    /** COM_STMT_PREPARE. The wire layer assigns the statement id and keeps the returned handle. */
    WirePreparedStatement prepare(String sql) throws WireException;

    /** COM_RESET_CONNECTION: roll back, drop prepared statements and user variables, reset session state. */
    void reset() throws WireException;

    /** Status flags for OK/EOF packets: autocommit and in-transaction. */
    boolean autocommit();

    boolean inTransaction();

    /**
     * How long this session may stay idle before the server disconnects it (its wait_timeout, or its
     * interactive_timeout for a client that connected with CLIENT_INTERACTIVE), in seconds; 0 = never, -1 = the
     * server's configured value. Asked after each command, on the session's thread.
     */
    default long idleTimeoutSeconds(boolean interactive) {
        return -1;
    }

    /** Interrupts the statement running in this session, if any (KILL QUERY). */
    void cancel();

    /** The client went away or sent COM_QUIT: roll back any open transaction and release resources. */
    @Override
    void close();
}
