package dev.scion.server;

import dev.scion.wire.WireConfig;

import java.nio.file.Path;

/**
 * How to run a server: where to listen, which data directory to serve, who may log in and how.
 *
 * @param rootPassword           root's password; null or empty = root with no password, from loopback only
 * @param tlsCertificate         PEM certificate chain; null = a self-signed one kept in the data directory
 * @param tlsKey                 PEM PKCS#8 private key of {@code tlsCertificate}
 * @param requireSecureTransport refuse connections that do not use TLS (error 3159)
 * @param waitTimeoutSeconds     idle seconds before a client is disconnected (0 = never)
 * @param interactiveTimeoutSeconds the same for interactive clients (the mysql shell)
 * @param maxAllowedPacket       largest client packet (error 1153 beyond it)
 * @param remotesApiPort         the HTTP remotes API's port (-1: off, 0: any free port)
 * @param remotesApiReadOnly     refuse pushes through the remotes API
 */
public record ServerConfig(String host, int port, Path dataDir, int maxConnections, String rootPassword,
                           Path tlsCertificate, Path tlsKey, boolean requireSecureTransport,
                           long waitTimeoutSeconds, long interactiveTimeoutSeconds, long maxAllowedPacket,
                           int remotesApiPort, boolean remotesApiReadOnly) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final int REMOTES_API_OFF = -1;

    public ServerConfig {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("a TLS certificate needs its key and a key its certificate");
        }
    }

    /** No root password, self-signed TLS, MySQL's default timeouts and packet size. */
    public ServerConfig(String host, int port, Path dataDir, int maxConnections) {
        this(host, port, dataDir, maxConnections, null, null, null, false, WireConfig.DEFAULT_WAIT_TIMEOUT,
                WireConfig.DEFAULT_WAIT_TIMEOUT, WireConfig.DEFAULT_MAX_ALLOWED_PACKET, REMOTES_API_OFF, false);
    }

    /** The embedded default data directory: ~/.scion/data. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".scion", "data");
    }

    public ServerConfig withRootPassword(String password) {
        return new ServerConfig(host, port, dataDir, maxConnections, password, tlsCertificate, tlsKey,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, maxAllowedPacket,
                remotesApiPort, remotesApiReadOnly);
    }

    public ServerConfig withTlsFiles(Path certificate, Path key) {
        return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, certificate, key,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, maxAllowedPacket,
                remotesApiPort, remotesApiReadOnly);
    }

    public ServerConfig withRequireSecureTransport(boolean require) {
        return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, tlsCertificate, tlsKey,
                require, waitTimeoutSeconds, interactiveTimeoutSeconds, maxAllowedPacket,
                remotesApiPort, remotesApiReadOnly);
    }

    public ServerConfig withTimeouts(long waitSeconds, long interactiveSeconds) {
        return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, tlsCertificate, tlsKey,
                requireSecureTransport, waitSeconds, interactiveSeconds, maxAllowedPacket, remotesApiPort,
                remotesApiReadOnly);
    }

    public ServerConfig withMaxAllowedPacket(long bytes) {
        return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, tlsCertificate, tlsKey,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, bytes, remotesApiPort,
                remotesApiReadOnly);
    }

    public ServerConfig withRemotesApi(int apiPort, boolean readOnly) {
        return new ServerConfig(host, port, dataDir, maxConnections, rootPassword, tlsCertificate, tlsKey,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, maxAllowedPacket, apiPort,
                readOnly);
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
