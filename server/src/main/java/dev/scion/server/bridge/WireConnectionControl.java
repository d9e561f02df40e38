package dev.scion.server.bridge;

import dev.scion.sql.session.ConnectionControl;
import dev.scion.wire.WireServer;

/**
 * KILL from SQL, carried out by the protocol server's connection registry. The wire server is created after
 * its handler, so it is attached once built.
 */
public final class WireConnectionControl implements ConnectionControl {
    private volatile WireServer wire;

    public void attach(WireServer server) {
        this.wire = server;
    }

    @Override
    public boolean kill(long connectionId, boolean queryOnly) {
        WireServer server = wire;
        return server != null && server.kill(connectionId, queryOnly);
    }
}
