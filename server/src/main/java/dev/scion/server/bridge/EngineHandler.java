package dev.scion.server.bridge;

import dev.scion.server.auth.UserTable;
import dev.scion.server.lifecycle.StatementGate;
import dev.scion.server.log.QueryLog;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.ConnectionControl;
import dev.scion.sql.session.Session;
import dev.scion.wire.api.SessionInfo;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireHandler;
import dev.scion.wire.api.WireSession;

import java.net.InetSocketAddress;

/** Connects the protocol layer to the SQL engine; logins are checked against the {@link UserTable}. */
public final class EngineHandler implements WireHandler {
    private static final int CLIENT_FOUND_ROWS = 2;

    private final SqlEngine engine;
    private final UserTable users;
    private final ConnectionControl connections;
    private final StatementGate gate;
    private final QueryLog queryLog;

    public EngineHandler(SqlEngine engine, UserTable users, ConnectionControl connections) {
        this(engine, users, connections, new StatementGate(), new QueryLog(engine));
    }

    /** With the server's gate (closed at shutdown) and query log. */
    public EngineHandler(SqlEngine engine, UserTable users, ConnectionControl connections, StatementGate gate,
                         QueryLog queryLog) {
        this.engine = engine;
        this.users = users;
        this.connections = connections;
        this.gate = gate;
        this.queryLog = queryLog;
    }

    @Override
    public UserCredentials credentials(String user, InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return users.credentials(user, remote.getAddress());
    }

    @Override
    public WireSession openSession(SessionInfo info) throws WireException {
        if (gate.isClosing()) {
            throw EngineSession.shuttingDown();
        }
        String host = info.remote() == null ? "localhost" : info.remote().getAddress().getHostAddress();
        Session session = engine.openSession(info.connectionId(), info.user(), host,
                (info.clientCapabilities() & CLIENT_FOUND_ROWS) != 0);
        session.connectionControl(connections);
        // the session's privileges are those of the account the login matched (most specific host first)
        dev.scion.sql.privilege.Account account = info.remote() == null ? null
                : users.find(info.user(), info.remote().getAddress()).map(r -> r.account()).orElse(null);
        if (account == null) {
            session.close();
            throw new WireException(dev.scion.sql.error.ErrorCode.ACCESS_DENIED.code(), "28000",
                    "Access denied for user '" + info.user() + "'@'" + host + "'");
        }
        session.access(dev.scion.sql.privilege.AccessPolicy.of(users.catalog(), account));
        if (info.database() != null && !info.database().isEmpty()) {
            try {
                session.useDatabase(info.database());
            } catch (SqlError e) {
                session.close();
                throw new WireException(e.code(), e.sqlState(), e.getMessage());
            } catch (RuntimeException e) {
                throw ErrorTranslator.translate(e);
            }
        }
        return new EngineSession(engine, session, gate, queryLog);
    }
}
