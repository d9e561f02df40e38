package dev.scion.server;

import dev.scion.versioning.gc.AutoGarbageCollector;
import dev.scion.wire.WireConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to run a server: where to listen, which data directory to serve, who may log in and how, and how it
 * behaves (read-only, autocommit, logging, shutdown). {@code scion sql-server} builds it from the YAML file and
 * flags ({@link dev.scion.server.config.ConfigFile}, {@link dev.scion.server.config.ConfigValues#toServerConfig}).
 *
 * @param rootUser               the administrator account created at start-up
 * @param rootPassword           its password; null or empty = no password, and then it may log in from loopback only
 * @param tlsCertificate         PEM certificate chain; null = a self-signed one kept in the data directory
 * @param tlsKey                 PEM PKCS#8 private key of {@code tlsCertificate}
 * @param requireSecureTransport refuse connections that do not use TLS (error 3159)
 * @param waitTimeoutSeconds     idle seconds before a client is disconnected (0 = never)
 * @param interactiveTimeoutSeconds the same for interactive clients (the mysql shell)
 * @param maxAllowedPacket       largest client packet (error 1153 beyond it)
 * @param remotesApiPort         the HTTP remotes API's port (-1: off, 0: any free port)
 * @param remotesApiReadOnly     refuse pushes through the remotes API
 * @param readOnly               every write fails with error 1290 (@@read_only)
 * @param autocommit             the initial @@autocommit of new sessions
 * @param longQueryTimeSeconds   statements running longer go to the slow-query log (@@long_query_time)
 * @param shutdownTimeoutSeconds on SIGTERM, how long running statements may take to finish
 * @param writeTimeoutMillis     a client that reads none of a result for this long is disconnected (0 = never)
 * @param autoGc                 automatic garbage collection: on or off and the growth that starts one
 * @param secureFilePriv         the directory LOAD DATA INFILE may read server files from (@@secure_file_priv):
 *                               null refuses every server file, an empty string allows any
 */
public record ServerConfig(String host, int port, Path dataDir, int maxConnections, String rootPassword,
                           Path tlsCertificate, Path tlsKey, boolean requireSecureTransport,
                           long waitTimeoutSeconds, long interactiveTimeoutSeconds, long maxAllowedPacket,
                           int remotesApiPort, boolean remotesApiReadOnly, String rootUser, boolean readOnly,
                           boolean autocommit, double longQueryTimeSeconds, double shutdownTimeoutSeconds,
                           long writeTimeoutMillis, AutoGarbageCollector.Settings autoGc, String secureFilePriv) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final int DEFAULT_MAX_CONNECTIONS = 151;
    public static final int REMOTES_API_OFF = -1;
    public static final String DEFAULT_ROOT_USER = "root";
    /** MySQL's default long_query_time. */
    public static final double DEFAULT_LONG_QUERY_TIME = 10;
    public static final double DEFAULT_SHUTDOWN_TIMEOUT = 30;

    public ServerConfig {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("a TLS certificate needs its key and a key its certificate");
        }
        if (rootUser == null || rootUser.isEmpty()) {
            rootUser = DEFAULT_ROOT_USER;
        }
        if (autoGc == null) {
            autoGc = AutoGarbageCollector.Settings.defaults();
        }
    }

    /** No root password, self-signed TLS, MySQL's default timeouts and packet size. */
    public ServerConfig(String host, int port, Path dataDir, int maxConnections) {
        this(host, port, dataDir, maxConnections, null, null, null, false, WireConfig.DEFAULT_WAIT_TIMEOUT,
                WireConfig.DEFAULT_WAIT_TIMEOUT, WireConfig.DEFAULT_MAX_ALLOWED_PACKET, REMOTES_API_OFF, false,
                DEFAULT_ROOT_USER, false, true, DEFAULT_LONG_QUERY_TIME, DEFAULT_SHUTDOWN_TIMEOUT,
                WireConfig.DEFAULT_WRITE_TIMEOUT_MILLIS, AutoGarbageCollector.Settings.defaults(), null);
    }

    /** The embedded default data directory: ~/.scion/data. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".scion", "data");
    }

    public ServerConfig withRootPassword(String password) {
        return edit(f -> f.rootPassword = password);
    }

    public ServerConfig withRootUser(String user, String password) {
        return edit(f -> {
            f.rootUser = user;
            f.rootPassword = password;
        });
    }

    public ServerConfig withTlsFiles(Path certificate, Path key) {
        return edit(f -> {
            f.tlsCertificate = certificate;
            f.tlsKey = key;
        });
    }

    public ServerConfig withRequireSecureTransport(boolean require) {
        return edit(f -> f.requireSecureTransport = require);
    }

    public ServerConfig withTimeouts(long waitSeconds, long interactiveSeconds) {
        return edit(f -> {
            f.waitTimeoutSeconds = waitSeconds;
            f.interactiveTimeoutSeconds = interactiveSeconds;
        });
    }

    public ServerConfig withMaxAllowedPacket(long bytes) {
        return edit(f -> f.maxAllowedPacket = bytes);
    }

    public ServerConfig withRemotesApi(int apiPort, boolean readOnlyApi) {
        return edit(f -> {
            f.remotesApiPort = apiPort;
            f.remotesApiReadOnly = readOnlyApi;
        });
    }

    /** Server-wide behaviour: read-only, the sessions' initial autocommit. */
    public ServerConfig withBehavior(boolean readOnlyServer, boolean autocommitDefault) {
        return edit(f -> {
            f.readOnly = readOnlyServer;
            f.autocommit = autocommitDefault;
        });
    }

    /** The slow-query threshold and the bound on running statements at shutdown, both in seconds. */
    public ServerConfig withTimings(double longQueryTime, double shutdownTimeout) {
        return edit(f -> {
            f.longQueryTimeSeconds = longQueryTime;
            f.shutdownTimeoutSeconds = shutdownTimeout;
        });
    }

    public ServerConfig withAutoGc(AutoGarbageCollector.Settings settings) {
        return edit(f -> f.autoGc = settings);
    }

    public ServerConfig withSecureFilePriv(String directory) {
        return edit(f -> f.secureFilePriv = directory);
    }

    public ServerConfig withWriteTimeout(long millis) {
        return edit(f -> f.writeTimeoutMillis = millis);
    }

    /** A copy of this configuration with the fields {@code change} sets. */
    private ServerConfig edit(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.toConfig();
    }

    /** The record's components as mutable fields, so each {@code with} method names only what it changes. */
    private static final class Fields {
        final String host;
        final int port;
        final Path dataDir;
        final int maxConnections;
        String rootPassword;
        Path tlsCertificate;
        Path tlsKey;
        boolean requireSecureTransport;
        long waitTimeoutSeconds;
        long interactiveTimeoutSeconds;
        long maxAllowedPacket;
        int remotesApiPort;
        boolean remotesApiReadOnly;
        String rootUser;
        boolean readOnly;
        boolean autocommit;
        double longQueryTimeSeconds;
        double shutdownTimeoutSeconds;
        long writeTimeoutMillis;
        AutoGarbageCollector.Settings autoGc;
        String secureFilePriv;

        Fields(ServerConfig c) {
            host = c.host;
            port = c.port;
            dataDir = c.dataDir;
            maxConnections = c.maxConnections;
            rootPassword = c.rootPassword;
            tlsCertificate = c.tlsCertificate;
            tlsKey = c.tlsKey;
            requireSecureTransport = c.requireSecureTransport;
            waitTimeoutSeconds = c.waitTimeoutSeconds;
            interactiveTimeoutSeconds = c.interactiveTimeoutSeconds;
            maxAllowedPacket = c.maxAllowedPacket;
            remotesApiPort = c.remotesApiPort;
            remotesApiReadOnly = c.remotesApiReadOnly;
            rootUser = c.rootUser;
            readOnly = c.readOnly;
            autocommit = c.autocommit;
            longQueryTimeSeconds = c.longQueryTimeSeconds;
            shutdownTimeoutSeconds = c.shutdownTimeoutSeconds;
            writeTimeoutMillis = c.writeTimeoutMillis;
            autoGc = c.autoGc;
            secureFilePriv = c.secureFilePriv;
        }

        ServerConfig toConfig() {
            return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, tlsCertificate, tlsKey,
                    requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, maxAllowedPacket,
                    remotesApiPort, remotesApiReadOnly, rootUser, readOnly, autocommit, longQueryTimeSeconds,
                    shutdownTimeoutSeconds, writeTimeoutMillis, autoGc, secureFilePriv);
        }
    }

    /** Where the self-signed key store lives: a hidden directory, never mistaken for a database. */
    public Path selfSignedKeyStore() {
        return dataDir.resolve(".tls").resolve("server.p12");
    }

    /** The caching_sha2_password RSA private key, kept next to the TLS store (public key beside it, {@code .pub}). */
    public Path rsaKeyFile() {
        return dataDir.resolve(".tls").resolve("rsa_private_key.pem");
    }
}
