package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * {@code fetch}: copies what the database lacks of a remote's branches and tags, then, once every chunk is
 * durable, moves the remote-tracking branches {@code refs/remotes/<remote>/*} in one atomic batch (branches
 * gone from the remote lose their tracking branch) and adds tags the database does not have.
 */
public final class FetchOp {
    /** What moved: tracking branches with old and new commit (null for created or deleted). */
    public record Change(String branch, Hash before, Hash after) {
    }

    public record Result(RemoteRefs remoteRefs, TransferStats stats, List<Change> changes) {
    }

    private FetchOp() {
    }

    public static Result fetch(Repository repo, String remote, RemoteCredentials credentials,
                               TransferListener listener) {
        String url = RemoteConfig.requireUrl(repo, remote);
        try (RemoteTransport transport = Transports.open(url, repo.directory(), credentials)) {
            return fetchFrom(repo, remote, transport, listener);
        }
    }

    public static Result fetchFrom(Repository repo, String remote, RemoteTransport transport,
                                   TransferListener listener) {
        RemoteRefs refs = transport.listRefs();
        RepositoryEndpoint local = new RepositoryEndpoint(repo, repo.directory().toUri().toString(), false);
        try (AutoCloseable hold = repo.holdGarbageCollection()) {
            Set<LiveRoots.Root> roots = new LinkedHashSet<>();
            refs.refs().values().forEach(h -> roots.add(new LiveRoots.Root(h, VersioningKinds.COMMITISH)));
            TransferStats stats = new ChunkTransfer(transport, local, listener).copy(roots);

            List<RefUpdate> updates = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            SortedMap<String, Hash> tracking = RemoteConfig.trackingBranches(repo, remote);
            refs.branches().forEach((branch, head) -> {
                Hash before = tracking.get(branch);
                if (!head.equals(before)) {
                    updates.add(RefUpdate.set(RemoteConfig.trackingRef(remote, branch), head.bytes()));
                    changes.add(new Change(branch, before, head));
                }
            });
            tracking.forEach((branch, before) -> {
                if (!refs.branches().containsKey(branch)) {
                    updates.add(RefUpdate.delete(RemoteConfig.trackingRef(remote, branch)));
                    changes.add(new Change(branch, before, null));
                }
            });
            refs.tags().forEach((tag, target) -> {
                if (repo.tagRef(tag).isEmpty() && RefNames.isValidBranchName(tag)) {
                    updates.add(RefUpdate.set(RefNames.tag(tag), target.bytes()));
                }
            });
            if (!updates.isEmpty()) {
                repo.store().commit(Map.of(), updates);
            }
            return new Result(refs, stats, changes);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
