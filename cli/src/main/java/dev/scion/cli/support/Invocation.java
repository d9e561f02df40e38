package dev.scion.cli.support;

import dev.scion.sql.session.Session;
import dev.scion.versioning.repo.DataDirectory;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Where one CLI command runs and on whose behalf: the caller's working directory, environment, time zone and
 * terminal, and, when the command runs inside a sql-server for a CLI process that found the data directory
 * locked, the server session that runs it (through which the command reaches the server's already open data
 * directory and its SQL evaluator). Commands read these through {@link #current()} instead of
 * the JVM's globals, so the same command code runs in its own process or inside the server.
 */
public record Invocation(Path cwd, Map<String, String> env, ZoneId zone, Terminal terminal,
                         Session host) {
    private static final ThreadLocal<Invocation> HOSTED = new ThreadLocal<>();

    /** The command's own process: the JVM's directory, environment, zone and standard streams. */
    public static Invocation local() {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), ZoneId.systemDefault(), null, null);
    }

    /** The invocation this thread is running: a hosted one inside the server, else the process's own. */
    public static Invocation current() {
        Invocation i = HOSTED.get();
        return i != null ? i : local();
    }

    /** Runs {@code body} as {@code invocation} on this thread (the server's worker thread for one CALL). */
    public static <T> T runHosted(Invocation invocation, java.util.function.Supplier<T> body) {
        HOSTED.set(invocation);
        try {
            return body.get();
        } finally {
            HOSTED.remove();
        }
    }

    public boolean isHosted() {
        return host != null;
    }

    /** The sql-server's data directory when hosted, else null. */
    public DataDirectory hostedBy() {
        return host == null ? null : host.engine().dataDirectory();
    }

    public Optional<String> getenv(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
