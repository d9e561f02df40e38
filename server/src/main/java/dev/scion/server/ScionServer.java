package dev.scion.server;

import dev.scion.server.bridge.EngineHandler;
import dev.scion.server.remotes.RemotesApiServer;
import dev.scion.server.remotes.RemotesAuthenticator;
import dev.scion.sql.SqlEngine;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.wire.WireConfig;
import dev.scion.wire.WireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon: a data directory served over the MySQL protocol. */
public final class ScionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScionServer.class);

    private final ServerConfig config;
    private final DataDirectory dataDirectory;
    private final SqlEngine engine;
    private final WireServer wire;
    private final RemotesApiServer remotesApi;

    public ScionServer(ServerConfig config) {
        this.config = config;
        this.dataDirectory = new DataDirectory(config.dataDir(), StoreOptions.defaults());
        this.engine = new SqlEngine(dataDirectory);
        this.wire = new WireServer(new WireConfig(config.host(), config.port(), WireConfig.DEFAULT_SERVER_VERSION,
                config.maxConnections(), WireConfig.DEFAULT_MAX_ALLOWED_PACKET, WireConfig.DEFAULT_WORKER_THREADS),
                new EngineHandler(engine));
        this.remotesApi = config.remotesApiPort() == ServerConfig.REMOTES_API_OFF ? null
                : new RemotesApiServer(config.host(), config.remotesApiPort(), dataDirectory,
                        new RemotesAuthenticator(config.remotesApiReadOnly()));
    }

    public void start() {
        wire.start();
        if (remotesApi != null) {
            remotesApi.start();
        }
        LOG.info("Scion listening on {}:{} serving {} (databases: {})", config.host(), wire.port(),
                dataDirectory.root(), dataDirectory.names());
    }

    public int port() {
        return wire.port();
    }

    /** The remotes API's port, or -1 when it is off. */
    public int remotesApiPort() {
        return remotesApi == null ? -1 : remotesApi.port();
    }

    @Override
    public void close() {
        try {
            if (remotesApi != null) {
                remotesApi.close();
            }
            wire.close();
        } finally {
            engine.close();
        }
        LOG.info("Scion stopped");
    }
}
