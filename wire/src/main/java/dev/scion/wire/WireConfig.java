package dev.scion.wire;

import io.netty.handler.ssl.SslContext;

/**
 * Settings of a {@link WireServer}.
 *
 * @param host                   address to listen on
 * @param port                   TCP port; 0 picks a free one (see {@link WireServer#port()})
 * @param serverVersion          version announced in the handshake; must look like 8.0.x (clients key features off it)
 * @param maxConnections         connections beyond this get error 1040 "Too many connections"
 * @param maxAllowedPacket       largest client packet accepted; a larger one gets error 1153 and the connection closes
 * @param workerThreads          threads that run handler code (statements); the event loop never does
 * @param sslContext             server TLS context; null = no TLS (CLIENT_SSL is then not advertised)
 * @param requireSecureTransport refuse connections that did not switch to TLS (error 3159)
 * @param waitTimeoutSeconds     idle seconds after which a non-interactive client is disconnected (0 = never)
 * @param interactiveTimeoutSeconds the same for clients that connected with CLIENT_INTERACTIVE (0 = never)
 * @param writeTimeoutMillis     how long a statement may wait for a client that reads none of its results before
 *                               the connection is closed (MySQL's net_write_timeout; 0 = forever)
 * @param rsaKeyFile             PEM private key file of the caching_sha2_password RSA exchange, created if missing;
 *                               null = a key pair generated for this run only
 */
public record WireConfig(String host, int port, String serverVersion, int maxConnections, long maxAllowedPacket,
                         int workerThreads, SslContext sslContext, boolean requireSecureTransport,
                         long waitTimeoutSeconds, long interactiveTimeoutSeconds, long writeTimeoutMillis,
                         java.nio.file.Path rsaKeyFile) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final String DEFAULT_SERVER_VERSION = "8.0.40-scion";
    public static final int DEFAULT_MAX_CONNECTIONS = 151;
    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;
    public static final int DEFAULT_WORKER_THREADS = 64;
    /** MySQL's default wait_timeout and interactive_timeout: 8 hours. */
    public static final long DEFAULT_WAIT_TIMEOUT = 28800;
    /** MySQL's default net_write_timeout: 60 s. */
    public static final long DEFAULT_WRITE_TIMEOUT_MILLIS = 60_000;

    /** max_allowed_packet's range in MySQL: 1 KiB .. 1 GiB. */
    private static final long MIN_PACKET = 1024;
    private static final long MAX_PACKET = 1024L * 1024 * 1024;
    /** wait_timeout's upper bound in MySQL (one year in seconds). */
    private static final long MAX_TIMEOUT = 31_536_000;

    public WireConfig {
        if (host == null || host.isEmpty()) {
            host = DEFAULT_HOST;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (serverVersion == null || serverVersion.isEmpty()) {
            serverVersion = DEFAULT_SERVER_VERSION;
        }
        if (!serverVersion.matches("8\\.0\\.\\d+.*")) {
            throw new IllegalArgumentException("server version must look like 8.0.x: " + serverVersion);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (maxAllowedPacket < MIN_PACKET || maxAllowedPacket > MAX_PACKET) {
            throw new IllegalArgumentException("maxAllowedPacket must be between 1 KiB and 1 GiB: " + maxAllowedPacket);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be positive: " + workerThreads);
        }
        if (requireSecureTransport && sslContext == null) {
            throw new IllegalArgumentException("requireSecureTransport needs a TLS context");
        }
        if (waitTimeoutSeconds < 0 || waitTimeoutSeconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException("waitTimeout must be between 0 and " + MAX_TIMEOUT + " s: "
                    + waitTimeoutSeconds);
        }
        if (interactiveTimeoutSeconds < 0 || interactiveTimeoutSeconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException("interactiveTimeout must be between 0 and " + MAX_TIMEOUT + " s: "
                    + interactiveTimeoutSeconds);
        }
        if (writeTimeoutMillis < 0 || writeTimeoutMillis > MAX_TIMEOUT * 1000) {
            throw new IllegalArgumentException("writeTimeout must be between 0 and " + MAX_TIMEOUT * 1000 + " ms: "
                    + writeTimeoutMillis);
        }
    }

    /** Without a kept RSA key file. */
    public WireConfig(String host, int port, String serverVersion, int maxConnections, long maxAllowedPacket,
                      int workerThreads, SslContext sslContext, boolean requireSecureTransport,
                      long waitTimeoutSeconds, long interactiveTimeoutSeconds, long writeTimeoutMillis) {
        this(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads, sslContext,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, writeTimeoutMillis, null);
    }

    /** With MySQL's default write timeout. */
    public WireConfig(String host, int port, String serverVersion, int maxConnections, long maxAllowedPacket,
                      int workerThreads, SslContext sslContext, boolean requireSecureTransport,
                      long waitTimeoutSeconds, long interactiveTimeoutSeconds) {
        this(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads, sslContext,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, DEFAULT_WRITE_TIMEOUT_MILLIS);
    }

    /** The settings without TLS and with MySQL's default timeouts. */
    public WireConfig(String host, int port, String serverVersion, int maxConnections, long maxAllowedPacket,
                      int workerThreads) {
        this(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads, null, false,
                DEFAULT_WAIT_TIMEOUT, DEFAULT_WAIT_TIMEOUT);
    }

    /** Defaults: 127.0.0.1:3306, "8.0.40-scion", 151 connections, 64 MiB packets, 64 worker threads, no TLS. */
    public static WireConfig defaults() {
        return new WireConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SERVER_VERSION, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_ALLOWED_PACKET, DEFAULT_WORKER_THREADS);
    }

    public WireConfig withHost(String newHost) {
        return new WireConfig(newHost, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads,
                sslContext, requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, writeTimeoutMillis,
                rsaKeyFile);
    }

    public WireConfig withPort(int newPort) {
        return with(newPort, serverVersion, maxConnections, maxAllowedPacket, workerThreads);
    }

    public WireConfig withServerVersion(String version) {
        return with(port, version, maxConnections, maxAllowedPacket, workerThreads);
    }

    public WireConfig withMaxConnections(int max) {
        return with(port, serverVersion, max, maxAllowedPacket, workerThreads);
    }

    public WireConfig withMaxAllowedPacket(long max) {
        return with(port, serverVersion, maxConnections, max, workerThreads);
    }

    public WireConfig withWorkerThreads(int threads) {
        return with(port, serverVersion, maxConnections, maxAllowedPacket, threads);
    }

    /** The listener and limits changed, the security and timeout settings kept. */
    private WireConfig with(int newPort, String version, int connections, long packet, int threads) {
        return new WireConfig(host, newPort, version, connections, packet, threads, sslContext,
                requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, writeTimeoutMillis, rsaKeyFile);
    }

    /** TLS with this server context; {@code require} refuses plain connections with error 3159. */
    public WireConfig withTls(SslContext context, boolean require) {
        return new WireConfig(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads,
                context, require, waitTimeoutSeconds, interactiveTimeoutSeconds, writeTimeoutMillis, rsaKeyFile);
    }

    /** wait_timeout and interactive_timeout in seconds (0 = never close an idle connection). */
    public WireConfig withTimeouts(long waitSeconds, long interactiveSeconds) {
        return withTimeouts(waitSeconds, interactiveSeconds, writeTimeoutMillis);
    }

    /** net_write_timeout in milliseconds (0 = wait for a stalled client forever). */
    public WireConfig withWriteTimeout(long millis) {
        return withTimeouts(waitTimeoutSeconds, interactiveTimeoutSeconds, millis);
    }

    private WireConfig withTimeouts(long waitSeconds, long interactiveSeconds, long writeMillis) {
        return new WireConfig(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads,
                sslContext, requireSecureTransport, waitSeconds, interactiveSeconds, writeMillis, rsaKeyFile);
    }

    /** Keep the RSA key pair of caching_sha2 full authentication in this PEM file (created if missing). */
    public WireConfig withRsaKeyFile(java.nio.file.Path file) {
        return new WireConfig(host, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads,
                sslContext, requireSecureTransport, waitTimeoutSeconds, interactiveTimeoutSeconds, writeTimeoutMillis,
                file);
    }

    public boolean tlsAvailable() {
        return sslContext != null;
    }
}
