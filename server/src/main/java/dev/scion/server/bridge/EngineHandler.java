package dev.scion.server.bridge;

import dev.scion.sql.SqlEngine;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.wire.api.SessionInfo;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireHandler;
import dev.scion.wire.api.WireSession;

import java.net.InetSocketAddress;

/**
 * Connects the protocol layer to the SQL engine. Until users and privileges exist, the only account is root
 * with an empty password, accepted from loopback addresses only.
 */
public final class EngineHandler implements WireHandler {
    private static final int CLIENT_FOUND_ROWS = 2;

    private final SqlEngine engine;

    public EngineHandler(SqlEngine engine) {
        this.engine = engine;
    }

    @Override
    public UserCredentials credentials(String user, InetSocketAddress remote) {
        if (!"root".equals(user) || remote == null || !remote.getAddress().isLoopbackAddress()) {
            return null;
        }
        return UserCredentials.noPassword();
    }

    @Override
    public WireSession openSession(SessionInfo info) throws WireException {
        String host = info.remote() == null ? "localhost" : info.remote().getAddress().getHostAddress();
        Session session = engine.openSession(info.connectionId(), info.user(), host,
                (info.clientCapabilities() & CLIENT_FOUND_ROWS) != 0);
        if (info.database() != null && !info.database().isEmpty()) {
            try {
                session.useDatabase(info.database());
            } catch (SqlError e) {
                throw new WireException(e.code(), e.sqlState(), e.getMessage());
            } catch (RuntimeException e) {
                throw ErrorTranslator.translate(e);
            }
        }
        return new EngineSession(engine, session);
    }
}
