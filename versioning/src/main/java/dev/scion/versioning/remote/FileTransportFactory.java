package dev.scion.versioning.remote;

import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.Repository;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code file:///path}: a directory holding a database, opened directly (so no server may own it meanwhile).
 * A push to a directory with no database yet creates one, as pushing to a new DoltHub repository does.
 */
public final class FileTransportFactory implements TransportFactory {
    @Override
    public boolean supports(URI url) {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public RemoteTransport open(URI url, RemoteCredentials credentials) {
        Path dir = Path.of(url);
        Repository repo;
        try {
            repo = Repository.isRepository(dir) ? Repository.open(dir, StoreOptions.defaults())
                    : Repository.createEmpty(dir, StoreOptions.defaults());
        } catch (RuntimeException e) {
            throw new RemoteAccessException("cannot open remote " + url + ": " + e.getMessage(), e);
        }
        return new RepositoryEndpoint(repo, url.toString(), true);
    }
}
