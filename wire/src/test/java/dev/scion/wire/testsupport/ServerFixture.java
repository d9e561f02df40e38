package dev.scion.wire.testsupport;

import dev.scion.wire.WireConfig;
import dev.scion.wire.WireServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A WireServer on a free port with a {@link FakeHandler}, plus raw clients that are closed with it. */
public final class ServerFixture implements AutoCloseable {

    public final FakeHandler handler = new FakeHandler();
    public final WireServer server;
    private final List<RawClient> clients = new ArrayList<>();

    public ServerFixture() {
        this(WireConfig.defaults().withPort(0));
    }

    public ServerFixture(WireConfig config) {
        server = new WireServer(config, handler);
        server.start();
    }

    public int port() {
        return server.port();
    }

    /** A raw client that has not read the handshake yet. */
    public RawClient open() throws IOException {
        RawClient client = new RawClient(port());
        clients.add(client);
        return client;
    }

    /** A raw client logged in as root (no password) with CLIENT_DEPRECATE_EOF. */
    public RawClient connect() throws IOException {
        RawClient client = open();
        client.connect("root", "");
        return client;
    }

    /** A raw client logged in as root with the given capabilities. */
    public RawClient connect(int caps) throws IOException {
        RawClient client = open();
        client.connect(caps, "root", "", null, "caching_sha2_password");
        return client;
    }

    @Override
    public void close() {
        for (RawClient c : clients) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        server.close();
    }
}
