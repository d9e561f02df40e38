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

    private Transports() {
    }

    /** Adds a kind of remote (an object store, say); it is tried before the built-in ones. */
    public static void register(TransportFactory factory) {
        FACTORIES.add(0, factory);
    }

    public static RemoteTransport open(String url, RemoteCredentials credentials) {
        URI uri = parse(url);
        for (TransportFactory f : FACTORIES) {
            if (f.supports(uri)) {
                return f.open(uri, credentials);
            }
        }
        throw new RemoteAccessException("unsupported remote URL: " + url + " (use file:///path or http://host:port/db)");
    }

    /** A URL, or a plain path taken as a directory (made absolute). */
    public static URI parse(String url) {
        if (!url.contains("://")) {
            return Path.of(url).toAbsolutePath().normalize().toUri();
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new RemoteAccessException("invalid remote URL " + url + ": " + e.getMessage());
        }
    }
}
