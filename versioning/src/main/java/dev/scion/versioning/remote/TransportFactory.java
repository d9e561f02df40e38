package dev.scion.versioning.remote;

import java.net.URI;

/** Opens transports for the URL schemes it knows. */
public interface TransportFactory {
    boolean supports(URI url);

    RemoteTransport open(URI url, RemoteCredentials credentials);
}
