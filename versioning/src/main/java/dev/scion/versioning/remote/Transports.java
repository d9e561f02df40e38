package dev.scion.versioning.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens a {@link RemoteTransport} for a remote URL with the first factory that supports its scheme. */
public final class Transports {
    private static final List<TransportFactory> FACTORIES = new CopyOnWriteArrayList<>(
            List.of(new FileTransportFactory(), new HttpTransportFactory()));

    private static final String FILE_PREFIX = "file://";

    private Transports() {
    }

    /** Adds a kind of remote (an object store, say); it is tried before the built-in ones. */
    public static void register(TransportFactory factory) {
        FACTORIES.add(0, factory);
    }

    public static RemoteTransport open(String url, RemoteCredentials credentials) {
        return open(url, Path.of(""), credentials);
    }

    /**
     * Opens {@code url}; a plain relative path is taken relative to {@code base} (a repository's directory), not to
     * the process's working directory, which for a command run inside a sql-server is the server's.
     */
    public static RemoteTransport open(String url, Path base, RemoteCredentials credentials) {
        URI uri = parse(url, base);
        for (TransportFactory f : FACTORIES) {
            if (f.supports(uri)) {
                return f.open(uri, credentials);
            }
        }
        throw new RemoteAccessException("unknown url scheme: '" + uri.getScheme() + "' in " + url
                + " (use file:///path or http://host:port/db)");
    }

    /** A URL, or a plain path taken as a directory (made absolute). */
    public static URI parse(String url) {
        return parse(url, Path.of(""));
    }

    /** As {@link #parse(String)}, with a relative plain path resolved against {@code base}. */
    public static URI parse(String url, Path base) {
        if (!url.contains("://")) {
            return base.toAbsolutePath().resolve(url).normalize().toUri();
        }
        if (url.regionMatches(true, 0, FILE_PREFIX, 0, FILE_PREFIX.length())
                && !url.startsWith("/", FILE_PREFIX.length())) {
            // Dolt reads file://../dir (no third slash) as a relative path, not as a host named ".."
            return base.toAbsolutePath().resolve(url.substring(FILE_PREFIX.length())).normalize().toUri();
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new RemoteAccessException("invalid remote URL " + url + ": " + e.getMessage());
        }
    }
}
