package dev.scion.versioning.remote;

import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.Repository;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code file:///path}: a directory holding a database, opened directly; if a running server owns it, read
 * alongside the server (a RocksDB secondary instance), which serves fetches and clones but refuses pushes.
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
        } catch (StorageException e) {
            if (!RocksChunkStore.isInUse(e) || !Repository.isRepository(dir)) {
                throw new RemoteAccessException("cannot open remote " + url + ": " + e.getMessage(), e);
            }
            // A running server owns the database: read alongside it; pushes must go through that server.
            try {
                repo = Repository.openFollower(dir, StoreOptions.defaults());
            } catch (RuntimeException second) {
                throw new RemoteAccessException("cannot open remote " + url + ": " + second.getMessage(), second);
            }
            return RepositoryEndpoint.readOnly(repo, url.toString(), true, "cannot push to " + url + ": a running "
                    + "server owns that database; push to its remotes API (http://<host>:<remotesapi-port>/"
                    + dir.getFileName() + ") instead");
        } catch (RuntimeException e) {
            throw new RemoteAccessException("cannot open remote " + url + ": " + e.getMessage(), e);
        }
        return new RepositoryEndpoint(repo, url.toString(), true);
    }
}
