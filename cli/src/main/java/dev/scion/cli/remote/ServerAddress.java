package dev.scion.cli.remote;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            ServerAddress a = read(f);
            if (a.isAlive()) {
                return Optional.of(a);
            }
        } catch (IOException | RuntimeException ignored) {
            // unreadable or half-written: treat as no server
        }
        return Optional.empty();
    }

    /**
     * The server serving {@code dbDir}, waiting up to {@code patience} for one to record itself: a server
     * that has just started holds the store lock a moment before its address file is written, so a command that
     * found the store locked and no address asks again before giving up.
     */
    public static Optional<ServerAddress> await(Path dbDir, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<ServerAddress> found = find(dbDir);
            if (found.isPresent() || System.nanoTime() - deadline >= 0) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** Why {@link #find} found no server for {@code dbDir}, for the message of a command refused by the lock. */
    public static String whyNotFound(Path dbDir) {
        List<Path> dirs = dbDir.getParent() == null ? List.of(dbDir) : List.of(dbDir, dbDir.getParent());
        StringBuilder why = new StringBuilder();
        for (Path d : dirs) {
            Path f = d.resolve(FILE);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            why.append(why.isEmpty() ? "" : "; ");
            try {
                ServerAddress a = read(f);
                why.append(f).append(" names a sql-server on port ").append(a.port()).append(" with pid ")
                        .append(a.pid()).append(a.isAlive() ? ", which is running" : ", which is not running");
            } catch (IOException | RuntimeException e) {
                why.append(f).append(" is unreadable (").append(e.getMessage()).append(')');
            }
        }
        return why.isEmpty() ? "no running sql-server recorded itself in " + String.join(" or ",
                dirs.stream().map(Path::toString).toList()) : why.toString();
    }

    private static ServerAddress read(Path f) throws IOException {
        Map<?, ?> m = JSON.readValue(f.toFile(), Map.class);
        return new ServerAddress(String.valueOf(m.get("host")), ((Number) m.get("port")).intValue(),
                ((Number) m.get("pid")).longValue());
    }

    private boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Where to connect: a wildcard listen address is reached on loopback. */
    public String connectHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1" : host;
    }
}
