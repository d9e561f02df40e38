package dev.scion.versioning.remote;

import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.ops.MergeOptions;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.repo.VersioningException;

/**
 * {@code pull}: fetch, then merge the fetched remote-tracking branch into the branch, exactly as {@code merge}
 * would (fast-forward when possible, conflicts left as a merge in progress).
 */
public final class PullOp {
    public record Result(FetchOp.Result fetch, MergeOutcome merge, String merged) {
    }

    private PullOp() {
    }

    /**
     * @param remote the remote, or null for the branch's upstream's
     * @param remoteBranch the branch there, or null for the upstream's (else the same name)
     */
    public static Result pull(BranchContext ctx, String remote, String remoteBranch, RemoteCredentials credentials,
                              TransferListener listener, Signature who, MergeOptions options) {
        var upstream = RemoteConfig.upstream(ctx.repo(), ctx.branch());
        String r = remote != null ? remote : upstream.map(RemoteConfig.Upstream::remote).orElse("origin");
        String b = remoteBranch != null ? remoteBranch
                : upstream.filter(u -> u.remote().equals(r)).map(RemoteConfig.Upstream::branch).orElse(ctx.branch());
        FetchOp.Result fetched = FetchOp.fetch(ctx.repo(), r, credentials, listener);
        if (fetched.remoteRefs().branch(b) == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "fatal: couldn't find remote ref " + b);
        }
        String spec = "remotes/" + r + "/" + b;
        MergeOutcome outcome = MergeOp.merge(ctx, spec, options == null ? MergeOptions.defaults(who) : options);
        return new Result(fetched, outcome, r + "/" + b);
    }
}
