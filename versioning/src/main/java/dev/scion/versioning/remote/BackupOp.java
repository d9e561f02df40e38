package dev.scion.versioning.remote;

import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Backups: {@code sync} makes a backup hold exactly the database's refs (see {@link BackupRefs}) with every chunk
 * they need, and {@code restore} fills a new, empty database from a backup. Unlike a push, a sync is not a
 * fast-forward of chosen branches: the backup's refs are replaced, and refs the database no longer has go.
 * The refs move only after every chunk is durable at the destination, in one atomic batch.
 */
public final class BackupOp {
    private BackupOp() {
    }

    /** Syncs the backup named {@code name}. */
    public static TransferStats sync(Repository repo, String name, RemoteCredentials credentials,
                                     TransferListener listener) {
        return syncUrl(repo, BackupConfig.requireUrl(repo, name), credentials, listener);
    }

    /** Syncs to {@code url} without naming it as a backup (dolt_backup('sync-url', url)). */
    public static TransferStats syncUrl(Repository repo, String url, RemoteCredentials credentials,
                                        TransferListener listener) {
        try (RemoteTransport transport = Transports.open(url, repo.directory(), credentials)) {
            return syncTo(repo, transport, listener);
        }
    }

    public static TransferStats syncTo(Repository repo, RemoteTransport transport, TransferListener listener) {
        RepositoryEndpoint local = new RepositoryEndpoint(repo, repo.directory().toUri().toString(), false);
        try (AutoCloseable ours = repo.holdGarbageCollection();
             AutoCloseable theirs = transport.holdGarbageCollection()) {
            SortedMap<String, byte[]> refs = BackupRefs.of(repo);
            TransferStats stats = new ChunkTransfer(local, transport, listener).copy(BackupRefs.roots(refs));
            transport.replaceBackupRefs(refs);
            return stats;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backup's refs; fails if there is no backup there (nothing with a branch). */
    public static SortedMap<String, byte[]> requireBackup(RemoteTransport transport) {
        SortedMap<String, byte[]> refs = transport.listBackupRefs();
        if (refs.keySet().stream().noneMatch(r -> r.startsWith(RefNames.HEADS))) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "backup " + transport.url()
                    + " holds no database (it has no branches)");
        }
        return refs;
    }

    /**
     * Copies the backup behind {@code transport} into {@code repo}, which must be empty (just created): its
     * chunks first, then its refs in one batch.
     */
    public static TransferStats restoreInto(Repository repo, RemoteTransport transport, TransferListener listener) {
        SortedMap<String, byte[]> refs = requireBackup(transport);
        RepositoryEndpoint local = new RepositoryEndpoint(repo, repo.directory().toUri().toString(), false);
        try (AutoCloseable hold = repo.holdGarbageCollection()) {
            TransferStats stats = new ChunkTransfer(transport, local, listener).copy(BackupRefs.roots(refs));
            List<RefUpdate> updates = new ArrayList<>();
            refs.forEach((name, value) -> updates.add(RefUpdate.set(name, value)));
            repo.store().commit(Map.of(), updates);
            return stats;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
