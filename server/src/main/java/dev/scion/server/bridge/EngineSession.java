package dev.scion.server.bridge;

import dev.scion.server.lifecycle.StatementGate;
import dev.scion.server.log.QueryLog;
import dev.scion.sql.PreparedQuery;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.wire.api.ResultSink;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WirePreparedStatement;
import dev.scion.wire.api.WireSession;

import java.util.ArrayList;
import java.util.List;

/** One client session: runs each protocol command against the SQL engine. */
final class EngineSession implements WireSession {
    private final SqlEngine engine;
    private final Session session;
    private final StatementGate gate;
    private final QueryLog queryLog;

    EngineSession(SqlEngine engine, Session session, StatementGate gate, QueryLog queryLog) {
        this.engine = engine;
        this.session = session;
        this.gate = gate;
        this.queryLog = queryLog;
    }

    /** ER_SERVER_SHUTDOWN: what a client hears when it starts something while the server stops. */
    static WireException shuttingDown() {
        return new WireException(1053, "08S01", "Server shutdown in progress");
    }

    @Override
    public void query(String sql, boolean multiStatements, ResultSink sink) throws WireException {
        if (!gate.enter()) {
            throw shuttingDown();
        }
        long started = System.nanoTime();
        String database = session.currentDatabase();
        String error = null;
        try {
            runQuery(sql, multiStatements, sink);
        } catch (WireException e) {
            error = Integer.toString(e.errorCode());
            throw e;
        } finally {
            gate.exit();
            queryLog.record(session.connectionId(), session.user(), database, sql, System.nanoTime() - started,
                    error);
        }
    }

    private void runQuery(String sql, boolean multiStatements, ResultSink sink) throws WireException {
        // LOAD DATA LOCAL INFILE asks this statement's client for the file
        session.localFiles(fileName -> {
            try {
                return sink.localFile(fileName);
            } catch (WireException e) {
                throw new WireFailure(e);
            }
        });
        try {
            engine.execute(session, sql, multiStatements, new SinkAdapter(sink, session));
        } catch (SinkAdapter.ClientGoneException e) {
            throw e.wire();
        } catch (WireFailure e) {
            throw e.wire();
        } catch (RuntimeException e) {
            throw ErrorTranslator.translate(e);
        } finally {
            session.localFiles(null);
        }
    }

    /** A primary-key point SELECT (the engine's fast-path shape) is brief enough to run on the network thread. */
    @Override
    public boolean runsBriefly(String sql) {
        return engine.runsBriefly(session, sql);
    }

    /** A one-row write the fast path served before, or a plain BEGIN / COMMIT / ROLLBACK (may sync, never waits on others). */
    @Override
    public boolean runsBrieflyWhenIdle(String sql) {
        return engine.runsBrieflyWhenIdle(session, sql);
    }

    /** As {@link #runsBrieflyWhenIdle}, whatever row locks other sessions hold (it may wait for one). */
    @Override
    public boolean runsBrieflyAlone(String sql) {
        return engine.runsBrieflyAlone(session, sql);
    }

    @Override
    public void initDb(String database) throws WireException {
        try {
            session.useDatabase(database);
        } catch (RuntimeException e) {
            throw ErrorTranslator.translate(e);
        }
    }

    @Override
    public List<WireColumn> fieldList(String table, String wildcard) throws WireException {
        try {
            DatabaseState db = session.current();
            var root = db.workingRoot();
            String stored = root.resolveName(table).orElseThrow(() -> SqlError.noSuchTable(db.name(), table));
            TableValue tv = db.repo().readTable(db.buffer(), root.tableHash(stored));
            List<WireColumn> out = new ArrayList<>();
            for (Column c : tv.schema().columns()) {
                boolean pk = tv.schema().primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()));
                out.add(ColumnTranslator.translate(dev.scion.sql.plan.TypeMapping.fromColumn(db.name(), stored, c, pk,
                        c.name())));
            }
            session.endStatement(true);
            return out;
        } catch (RuntimeException e) {
            throw ErrorTranslator.translate(e);
        }
    }

    @Override
    public WirePreparedStatement prepare(String sql) throws WireException {
        try {
            PreparedQuery q = engine.prepare(session, sql);
            List<WireColumn> columns = ColumnTranslator.translate(q.resultColumns(session));
            return new WirePreparedStatement() {
                @Override
                public int parameterCount() {
                    return q.parameterCount();
                }

                @Override
                public List<WireColumn> columns() {
                    return columns;
                }

                @Override
                public void execute(Object[] parameters, ResultSink sink) throws WireException {
                    if (!gate.enter()) {
                        throw shuttingDown();
                    }
                    long started = System.nanoTime();
                    String database = session.currentDatabase();
                    String error = null;
                    try {
                        q.execute(session, parameters, new SinkAdapter(sink, session));
                    } catch (SinkAdapter.ClientGoneException e) {
                        error = "client gone";
                        throw e.wire();
                    } catch (RuntimeException e) {
                        WireException w = ErrorTranslator.translate(e);
                        error = Integer.toString(w.errorCode());
                        throw w;
                    } finally {
                        gate.exit();
                        queryLog.record(session.connectionId(), session.user(), database, sql,
                                System.nanoTime() - started, error);
                    }
                }

                @Override
                public boolean runsBriefly() {
                    return q.runsBriefly(session);
                }

                @Override
                public boolean runsBrieflyWhenIdle() {
                    return q.runsBrieflyWhenIdle(session);
                }

                @Override
                public boolean runsBrieflyAlone() {
                    return q.runsBrieflyAlone(session);
                }

                @Override
                public void close() {
                }
            };
        } catch (RuntimeException e) {
            throw ErrorTranslator.translate(e);
        }
    }

    @Override
    public void reset() {
        session.resetConnectionState();
    }

    @Override
    public boolean autocommit() {
        return session.autocommit();
    }

    @Override
    public boolean inTransaction() {
        return session.inTransaction();
    }

    @Override
    public long idleTimeoutSeconds(boolean interactive) {
        Object value = session.variable(interactive ? "interactive_timeout" : "wait_timeout");
        return value instanceof Number n ? n.longValue() : -1;
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public void close() {
        session.close();
    }
}
