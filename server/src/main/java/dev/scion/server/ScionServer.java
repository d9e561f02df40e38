package dev.scion.server;

import dev.scion.server.auth.HostPattern;
import dev.scion.server.auth.UserTable;
import dev.scion.server.bridge.EngineHandler;
import dev.scion.server.bridge.WireConnectionControl;
import dev.scion.server.lifecycle.DataDirectoryLock;
import dev.scion.server.lifecycle.StatementGate;
import dev.scion.server.log.QueryLog;
import dev.scion.server.remotes.RemotesApiServer;
import dev.scion.server.remotes.RemotesAuthenticator;
import dev.scion.sql.SqlEngine;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.gc.AutoGarbageCollector;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.wire.WireConfig;
import dev.scion.wire.WireServer;
import dev.scion.wire.tls.SelfSignedKeyStore;
import dev.scion.wire.tls.TlsContexts;
import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The daemon: a data directory served over the MySQL protocol. */
public final class ScionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScionServer.class);

    private final ServerConfig config;
    private final DataDirectoryLock lock;
    private final DataDirectory dataDirectory;
    private final SqlEngine engine;
    private final UserTable users;
    private final StatementGate gate = new StatementGate();
    private final WireServer wire;
    private final RemotesApiServer remotesApi;
    private final AutoGarbageCollector autoGc;
    private boolean closed;

    /**
     * Locks the data directory (a second server on it fails here), opens it and prepares the listeners; nothing
     * listens before {@link #start()}.
     */
    public ScionServer(ServerConfig config) {
        this.config = config;
        this.lock = DataDirectoryLock.acquire(config.dataDir().toAbsolutePath().normalize());
        try {
            // the chunk nursery (docs/storage-format.md, "Chunk nursery"); -Dscion.storage.nursery=false turns it off;
            // -Dscion.storage.syncsInFlight=1 lets only one redo-log sync run at a time (docs/performance.md, round 24)
            this.dataDirectory = new DataDirectory(config.dataDir(), StoreOptions.defaults()
                    .withNursery(Boolean.parseBoolean(System.getProperty("scion.storage.nursery", "true")))
                    .withSyncsInFlight(Integer.getInteger("scion.storage.syncsInFlight",
                            StoreOptions.DEFAULT_SYNCS_IN_FLIGHT)));
            this.engine = new SqlEngine(dataDirectory);
            this.users = initialUsers(config, engine.accounts());
            SslContext tls = tlsContext(config);
            publishSettings(engine, config);
            WireConfig wireConfig = new WireConfig(config.host(), config.port(), WireConfig.DEFAULT_SERVER_VERSION,
                    config.maxConnections(), config.maxAllowedPacket(), WireConfig.DEFAULT_WORKER_THREADS, tls,
                    config.requireSecureTransport(), config.waitTimeoutSeconds(),
                    config.interactiveTimeoutSeconds(), config.writeTimeoutMillis())
                    .withRsaKeyFile(config.rsaKeyFile());
            WireConnectionControl connections = new WireConnectionControl();
            this.wire = new WireServer(wireConfig,
                    new EngineHandler(engine, users, connections, gate, new QueryLog(engine)));
            connections.attach(wire);
            this.remotesApi = config.remotesApiPort() == ServerConfig.REMOTES_API_OFF ? null
                    : new RemotesApiServer(config.host(), config.remotesApiPort(), dataDirectory,
                            new RemotesAuthenticator(users, config.remotesApiReadOnly()));
            this.autoGc = new AutoGarbageCollector(dataDirectory, () -> autoGcSettings(engine, config.autoGc()));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The accounts persisted in the data directory, plus the configured root superuser: with no password it may
     * only connect from loopback addresses (a fresh server is not open to the network); with a password, from
     * anywhere. The configuration stays authoritative for root's password and privileges at every start.
     */
    private static UserTable initialUsers(ServerConfig config, dev.scion.sql.privilege.AccountCatalog catalog) {
        UserTable users = new UserTable(catalog);
        String password = config.rootPassword();
        HostPattern host = password == null || password.isEmpty() ? HostPattern.LOCALHOST : HostPattern.ANY;
        catalog.ensureSuperuser(new dev.scion.sql.privilege.Account(config.rootUser(), host.text()), password);
        return users;
    }

    /** The protocol settings as the system variables clients read (@@max_allowed_packet, @@have_ssl, ...). */
    private static void publishSettings(SqlEngine engine, ServerConfig config) {
        engine.setGlobalVariable("have_ssl", "YES");
        engine.setGlobalVariable("have_openssl", "YES");
        engine.setGlobalVariable("require_secure_transport", config.requireSecureTransport() ? 1L : 0L);
        engine.setGlobalVariable("max_allowed_packet", config.maxAllowedPacket());
        engine.setGlobalVariable("max_connections", (long) config.maxConnections());
        engine.setGlobalVariable("wait_timeout", config.waitTimeoutSeconds());
        engine.setGlobalVariable("interactive_timeout", config.interactiveTimeoutSeconds());
        engine.setGlobalVariable("read_only", config.readOnly() ? 1L : 0L);
        engine.setGlobalVariable("autocommit", config.autocommit() ? 1L : 0L);
        engine.setGlobalVariable("long_query_time", config.longQueryTimeSeconds());
        engine.setGlobalVariable("net_write_timeout", (config.writeTimeoutMillis() + 999) / 1000);
        engine.setGlobalVariable(AUTO_GC_VARIABLE, config.autoGc().enabled() ? 1L : 0L);
        engine.setGlobalVariable(AUTO_GC_THRESHOLD_VARIABLE, config.autoGc().thresholdBytes());
        engine.setGlobalVariable("secure_file_priv", config.secureFilePriv()); // null: no server file is read
    }

    /**
     * The automatic collector's settings as the system variables hold them now ({@code SET GLOBAL scion_auto_gc =
     * OFF} takes effect at the next check); a value SET cannot make sense of falls back to the configuration's.
     */
    private static AutoGarbageCollector.Settings autoGcSettings(SqlEngine engine,
            AutoGarbageCollector.Settings configured) {
        Object on = engine.globalVariable(AUTO_GC_VARIABLE);
        boolean enabled = switch (String.valueOf(on).toUpperCase(java.util.Locale.ROOT)) {
            case "1", "ON", "TRUE" -> true;
            case "0", "OFF", "FALSE" -> false;
            default -> configured.enabled();
        };
        long threshold = configured.thresholdBytes();
        Object t = engine.globalVariable(AUTO_GC_THRESHOLD_VARIABLE);
        try {
            long parsed = t instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(t).trim());
            threshold = Math.max(parsed, AutoGarbageCollector.Settings.MIN_THRESHOLD);
        } catch (NumberFormatException keepConfigured) {
            // not a number: keep the configured threshold
        }
        return new AutoGarbageCollector.Settings(enabled, threshold);
    }

    /** How often the automatic collector looks at the open databases' sizes (a directory listing each). */
    private static final long AUTO_GC_CHECK_MILLIS = 5_000;
    static final String AUTO_GC_VARIABLE = "scion_auto_gc";
    static final String AUTO_GC_THRESHOLD_VARIABLE = "scion_auto_gc_threshold";

    private static SslContext tlsContext(ServerConfig config) {
        if (config.tlsCertificate() != null) {
            return TlsContexts.fromPem(config.tlsCertificate(), config.tlsKey());
        }
        Path store = SelfSignedKeyStore.ensure(config.selfSignedKeyStore());
        return TlsContexts.fromPkcs12(store, SelfSignedKeyStore.PASSWORD);
    }

    /** Starts listening; a port in use fails here (the server is then closed and the lock released). */
    public void start() {
        try {
            wire.start();
            if (remotesApi != null) {
                remotesApi.start();
            }
            autoGc.start(AUTO_GC_CHECK_MILLIS);
            engine.startEventScheduler();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Scion listening on {}:{} serving {} (databases: {})", config.host(), wire.port(),
                dataDirectory.root(), dataDirectory.names());
    }

    /** The databases served, by name. */
    public java.util.List<String> databases() {
        return dataDirectory.names();
    }

    /** The engine serving the data directory (the CLI registers its host procedure on it). */
    public SqlEngine engine() {
        return engine;
    }

    public ServerConfig config() {
        return config;
    }

    public int port() {
        return wire.port();
    }

    /** The accounts (persisted in the data directory). */
    public UserTable users() {
        return users;
    }

    /** The protocol server (connection registry, KILL). */
    public WireServer wire() {
        return wire;
    }

    /** The remotes API's port, or -1 when it is off. */
    public int remotesApiPort() {
        return remotesApi == null ? -1 : remotesApi.port();
    }

    /**
     * Stops the server cleanly: new connections and statements are refused (1053), running statements get up to
     * the configured shutdown timeout to finish (then they are cancelled), connections close and their open
     * transactions roll back, and every database's store is flushed and closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drainStatements();
            if (remotesApi != null) {
                remotesApi.close();
            }
            wire.close();
            autoGc.close(); // a collection in progress finishes before the stores close
            // sessions whose connection clean-up did not run (forced shutdown): roll back here
            for (var session : engine.sessions()) {
                session.close();
            }
        } finally {
            try {
                engine.close();
            } finally {
                lock.close();
            }
        }
        LOG.info("Scion stopped");
    }

    private void drainStatements() {
        long timeoutMillis = (long) (config.shutdownTimeoutSeconds() * 1000);
        try {
            if (gate.running() > 0) {
                LOG.info("waiting up to {} ms for {} running statement(s) to finish", timeoutMillis, gate.running());
            }
            if (!gate.closeAndAwait(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("{} statement(s) still running after {} ms: cancelling them", gate.running(), timeoutMillis);
                for (var session : engine.sessions()) {
                    session.cancel();
                }
                gate.closeAndAwait(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
