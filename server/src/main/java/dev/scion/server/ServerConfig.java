package dev.scion.server;

import java.nio.file.Path;

/**
 * How to run a server: where to listen and which data directory to serve; {@code remotesApiPort} (-1: off,
 * 0: any free port) serves the HTTP remotes API, read-only when {@code remotesApiReadOnly}.
 */
public record ServerConfig(String host, int port, Path dataDir, int maxConnections, int remotesApiPort,
                           boolean remotesApiReadOnly) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    public static final int REMOTES_API_OFF = -1;

    public ServerConfig(String host, int port, Path dataDir, int maxConnections) {
        this(host, port, dataDir, maxConnections, REMOTES_API_OFF, false);
    }

    /** The embedded default data directory: ~/.scion/data. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".scion", "data");
    }
}
