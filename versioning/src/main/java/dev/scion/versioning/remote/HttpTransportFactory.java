package dev.scion.versioning.remote;

import java.net.URI;

/** {@code http://host:port/db} (and https): a Scion server's remotes API. */
public final class HttpTransportFactory implements TransportFactory {
    @Override
    public boolean supports(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public RemoteTransport open(URI url, RemoteCredentials credentials) {
        return new HttpTransport(url, credentials);
    }
}
