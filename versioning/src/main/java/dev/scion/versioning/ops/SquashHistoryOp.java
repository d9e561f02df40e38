package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.repo.VersioningException.Reason;

/**
 * {@code dolt_squash_history}: replaces the history from a commit ({@code first}) up to the head with one commit of
 * the head's root whose parent is first's parent, and moves the branch to it. Merges inside the range are
 * flattened. The working set is untouched (the head's root does not change); the old commits stay reachable only
 * from other refs, if any.
 */
public final class SquashHistoryOp {
    private SquashHistoryOp() {
    }

    /** @param first the oldest commit to fold in; null for the head's first-parent descendant of the initial commit */
    public static Hash squash(BranchContext ctx, Hash first, String message, Signature who) {
        WorkingSet ws = ctx.workingSet();
        if (ws.isMerging()) {
            throw new VersioningException(Reason.MERGE_STATE,
                    "cannot squash history while a merge is in progress; abort the merge first");
        }
        Hash head = ctx.head();
        var repo = ctx.repo();
        if (first == null) {
            first = childOfInitial(ctx, head);
        }
        Commit firstCommit = repo.readCommit(first);
        if (firstCommit.parents().isEmpty()) {
            throw new VersioningException(Reason.INVALID_ARGUMENT, "--first cannot be the initial commit");
        }
        if (!first.equals(head) && !MergeBase.isAncestor(repo, first, head)) {
            throw new VersioningException(Reason.INVALID_ARGUMENT, "--first must be an ancestor of HEAD");
        }
        Hash parent = firstCommit.parents().get(0);
        Commit headCommit = repo.readCommit(head);
        Commit squashed = new Commit(headCommit.root(), java.util.List.of(parent), who, who, message,
                repo.readCommit(parent).height() + 1);
        return repo.writeCommit(ctx.branch(), head, ws, squashed, ws, repo.newBuffer());
    }

    /** Following first parents from the head, the commit whose parent has no parents. */
    private static Hash childOfInitial(BranchContext ctx, Hash head) {
        Hash at = head;
        Commit c = ctx.repo().readCommit(at);
        if (c.parents().isEmpty()) {
            throw new VersioningException(Reason.INVALID_ARGUMENT, "--first cannot be the initial commit");
        }
        while (true) {
            Hash parent = c.parents().get(0);
            Commit p = ctx.repo().readCommit(parent);
            if (p.parents().isEmpty()) {
                return at;
            }
            at = parent;
            c = p;
        }
    }
}
