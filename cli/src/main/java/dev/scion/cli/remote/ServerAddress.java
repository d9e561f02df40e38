package dev.scion.cli.remote;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running {@code scion sql-server} listens, as it records in its data directory
 * ({@code .scion-sql-server.json}) so that CLI commands refused by the store lock can go through it instead.
 */
public record ServerAddress(String host, int port, long pid) {
    public static final String FILE = ".scion-sql-server.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), Map.of("host", host, "port", port, "pid", pid));
        Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale file is harmless: readers check that the process is alive
        }
    }

    /** The server serving the database in {@code dbDir} (as the data directory itself or its parent). */
    public static Optional<ServerAddress> find(Path dbDir) {
        Optional<ServerAddress> here = at(dbDir);
        return here.isPresent() || dbDir.getParent() == null ? here : at(dbDir.getParent());
    }

    /** The live server whose data directory is exactly {@code dataDir}. */
    public static Optional<ServerAddress> at(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> m = JSON.readValue(f.toFile(), Map.class);
            ServerAddress a = new ServerAddress(String.valueOf(m.get("host")),
                    ((Number) m.get("port")).intValue(), ((Number) m.get("pid")).longValue());
            if (ProcessHandle.of(a.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(a);
            }
        } catch (IOException | RuntimeException ignored) {
            // unreadable or half-written: treat as no server
        }
        return Optional.empty();
    }

    /** Where to connect: a wildcard listen address is reached on loopback. */
    public String connectHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1" : host;
    }
}
