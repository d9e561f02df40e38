package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

/** {@code branch}: create, copy, rename and delete branches. */
public final class BranchOp {
    private BranchOp() {
    }

    /** Creates {@code name} at {@code start}; with {@code force} an existing branch is moved there. */
    public static void create(BranchContext ctx, String name, String start, boolean force) {
        Hash commit = ctx.resolve(start == null ? "HEAD" : start);
        Repository repo = ctx.repo();
        if (repo.branchHead(name).isPresent()) {
            if (!force) {
                throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS,
                        "fatal: A branch named '" + name + "' already exists.");
            }
            if (name.equals(ctx.branch())) {
                throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                        "fatal: cannot force update the current branch.");
            }
            repo.forceBranch(name, commit);
            return;
        }
        repo.createBranch(name, commit);
    }

    /** Copies a branch, head and working set, to a new name. */
    public static void copy(BranchContext ctx, String from, String to, boolean force) {
        if (to.equals(ctx.branch()) && force) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "fatal: cannot force update the current branch.");
        }
        ctx.repo().copyBranch(from, to, force);
    }

    public static void rename(BranchContext ctx, String from, String to, boolean force) {
        if (to.equals(ctx.branch()) && force) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "fatal: cannot force update the current branch.");
        }
        ctx.repo().renameBranch(from, to, force);
    }

    /** Deletes a branch; refuses the current branch, and one not merged into it unless {@code force}. */
    public static void delete(BranchContext ctx, String name, boolean force) {
        Repository repo = ctx.repo();
        Hash head = repo.branchHead(name).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "error: branch '" + name + "' not found."));
        if (name.equals(ctx.branch())) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "error: Cannot delete branch '" + name + "' checked out");
        }
        if (!force && !MergeBase.isAncestor(repo, head, ctx.head())) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "error: The branch '" + name + "' is not fully merged.\n"
                            + "If you are sure you want to delete it, run 'scion branch -D " + name + "'.");
        }
        repo.deleteBranch(name);
    }
}
