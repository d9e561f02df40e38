package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Map;

/**
 * {@code push}: sends a branch's commits to a remote branch. The remote branch moves only after every chunk
 * is durable there, by compare-and-swap against the value seen when the push started: of two racing pushes
 * exactly one wins and the other is told to fetch first. Without {@code force} the move must be a
 * fast-forward. A null local branch deletes the remote branch.
 */
public final class PushOp {
    public enum Outcome { UP_TO_DATE, CREATED, FAST_FORWARD, FORCED, DELETED }

    public record Result(Outcome outcome, String remoteBranch, Hash before, Hash after, TransferStats stats) {
    }

    private PushOp() {
    }

    public static Result push(Repository repo, String remote, String localBranch, String remoteBranch, boolean force,
                              boolean setUpstream, RemoteCredentials credentials, TransferListener listener) {
        String url = RemoteConfig.requireUrl(repo, remote);
        try (RemoteTransport transport = Transports.open(url, repo.directory(), credentials)) {
            return pushTo(repo, remote, transport, localBranch, remoteBranch, force, setUpstream, listener);
        }
    }

    public static Result pushTo(Repository repo, String remote, RemoteTransport transport, String localBranch,
                                String remoteBranch, boolean force, boolean setUpstream, TransferListener listener) {
        String ref = RemoteRefs.HEADS + remoteBranch;
        Hash before = transport.listRefs().refs().get(ref);
        if (localBranch == null) {
            if (before == null) {
                throw new VersioningException(VersioningException.Reason.NOT_FOUND, "error: unable to delete '"
                        + remoteBranch + "': remote ref does not exist");
            }
            transport.updateRef(ref, before, null);
            repo.store().commit(Map.of(), List.of(RefUpdate.delete(RemoteConfig.trackingRef(remote, remoteBranch))));
            return new Result(Outcome.DELETED, remoteBranch, before, null, TransferStats.NONE);
        }
        Hash head = repo.branchHead(localBranch).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "error: src refspec " + localBranch + " does not match any"));
        if (head.equals(before)) {
            if (setUpstream) {
                RemoteConfig.setUpstream(repo, localBranch, remote, remoteBranch);
            }
            return new Result(Outcome.UP_TO_DATE, remoteBranch, before, head, TransferStats.NONE);
        }
        boolean fastForward = before == null
                || (repo.store().has(before) && MergeBase.isAncestor(repo, before, head));
        if (!fastForward && !force) {
            throw new RefRejectedException("! [rejected] " + localBranch + " -> " + remoteBranch
                    + " (non-fast-forward)\nerror: failed to push some refs to '" + transport.url()
                    + "'\nhint: Updates were rejected because the remote contains work that you do not have "
                    + "locally.\nhint: Fetch and merge the remote changes (e.g. 'scion pull') before pushing again.");
        }
        RepositoryEndpoint local = new RepositoryEndpoint(repo, repo.directory().toUri().toString(), false);
        TransferStats stats;
        try (AutoCloseable hold = transport.holdGarbageCollection()) {
            stats = new ChunkTransfer(local, transport, listener)
                    .copy(List.of(new LiveRoots.Root(head, VersioningKinds.COMMIT)));
            try {
                transport.updateRef(ref, before, head);
            } catch (RefRejectedException e) {
                throw new RefRejectedException("! [rejected] " + localBranch + " -> " + remoteBranch
                        + " (fetch first)\nerror: failed to push some refs to '" + transport.url() + "'\nhint: "
                        + "the remote branch moved while pushing (someone else pushed first); pull and push again.\n"
                        + e.getMessage());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        repo.store().commit(Map.of(), List.of(RefUpdate.set(RemoteConfig.trackingRef(remote, remoteBranch),
                head.bytes())));
        if (setUpstream) {
            RemoteConfig.setUpstream(repo, localBranch, remote, remoteBranch);
        }
        Outcome o = before == null ? Outcome.CREATED : fastForward ? Outcome.FAST_FORWARD : Outcome.FORCED;
        return new Result(o, remoteBranch, before, head, stats);
    }
}
