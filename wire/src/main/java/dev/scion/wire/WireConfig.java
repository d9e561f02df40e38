package dev.scion.wire;

/**
 * Settings of a {@link WireServer}.
 *
 * @param host             address to listen on
 * @param port             TCP port; 0 picks a free one (see {@link WireServer#port()})
 * @param serverVersion    version announced in the handshake; must look like 8.0.x (clients key features off it)
 * @param maxConnections   connections beyond this get error 1040 "Too many connections"
 * @param maxAllowedPacket largest client packet accepted; a larger one gets error 1153 and the connection closes
 * @param workerThreads    threads that run handler code (statements); the event loop never does
 */
public record WireConfig(String host, int port, String serverVersion, int maxConnections, long maxAllowedPacket,
                         int workerThreads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final String DEFAULT_SERVER_VERSION = "8.0.40-scion";
    public static final int DEFAULT_MAX_CONNECTIONS = 151;
    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;
    public static final int DEFAULT_WORKER_THREADS = 64;

    /** max_allowed_packet's range in MySQL: 1 KiB .. 1 GiB. */
    private static final long MIN_PACKET = 1024;
    private static final long MAX_PACKET = 1024L * 1024 * 1024;

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
    }

    /** Defaults: 127.0.0.1:3306, "8.0.40-scion", 151 connections, 64 MiB packets, 64 worker threads. */
    public static WireConfig defaults() {
        return new WireConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SERVER_VERSION, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_ALLOWED_PACKET, DEFAULT_WORKER_THREADS);
    }

    public WireConfig withHost(String newHost) {
        return new WireConfig(newHost, port, serverVersion, maxConnections, maxAllowedPacket, workerThreads);
    }

    public WireConfig withPort(int newPort) {
        return new WireConfig(host, newPort, serverVersion, maxConnections, maxAllowedPacket, workerThreads);
    }

    public WireConfig withServerVersion(String version) {
        return new WireConfig(host, port, version, maxConnections, maxAllowedPacket, workerThreads);
    }

    public WireConfig withMaxConnections(int max) {
        return new WireConfig(host, port, serverVersion, max, maxAllowedPacket, workerThreads);
    }

    public WireConfig withMaxAllowedPacket(long max) {
        return new WireConfig(host, port, serverVersion, maxConnections, max, workerThreads);
    }

    public WireConfig withWorkerThreads(int threads) {
        return new WireConfig(host, port, serverVersion, maxConnections, maxAllowedPacket, threads);
    }
}
