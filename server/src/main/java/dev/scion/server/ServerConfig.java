package dev.scion.server;

import java.nio.file.Path;

/** How to run a server: where to listen and which data directory to serve. */
public record ServerConfig(String host, int port, Path dataDir, int maxConnections) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;

    /** The embedded default data directory: ~/.scion/data. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".scion", "data");
    }
}
