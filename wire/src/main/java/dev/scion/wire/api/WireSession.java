package dev.scion.wire.api;

import java.util.List;

/**
 * One authenticated client session. The wire layer calls it from a single thread at a time (never the
 * Netty event loop), one command after another, exactly as the client sends them.
 */
public interface WireSession extends AutoCloseable {

    /** COM_QUERY. The text may hold several statements when the client enabled multi-statements. */
    void query(String sql, boolean multiStatements, ResultSink sink) throws WireException;

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
