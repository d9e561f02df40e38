package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;

/**
 * {@code cherry-pick} and {@code revert}: apply one commit's change (or its inverse) to the head by a three-way
 * merge whose base is the commit's parent (or the commit itself), and commit it if clean.
 */
public final class PickOp {
    private PickOp() {
    }

    public static MergeOutcome cherryPick(BranchContext ctx, String revision, Signature who) {
        return apply(ctx, revision, null, who, false);
    }

    /**
     * Cherry-picks {@code revision}; {@code mainline} (git's -m, 1-based, null when not given) picks the parent
     * a merge commit's change is taken against, and is required for merges.
     */
    public static MergeOutcome cherryPick(BranchContext ctx, String revision, Integer mainline, Signature who) {
        return apply(ctx, revision, mainline, who, false);
    }

    public static MergeOutcome revert(BranchContext ctx, String revision, Signature who) {
        return apply(ctx, revision, null, who, true);
    }

    /** Reverts {@code revision}; for a merge, {@code mainline} names the parent whose side is kept. */
    public static MergeOutcome revert(BranchContext ctx, String revision, Integer mainline, Signature who) {
        return apply(ctx, revision, mainline, who, true);
    }

    private static MergeOutcome apply(BranchContext ctx, String revision, Integer mainline, Signature who,
                                      boolean inverse) {
        String what = inverse ? "revert" : "cherry-pick";
        ctx.requireNotMerging(what);
        Hash picked = ctx.resolve(revision);
        // a cherry-pick needs a clean working set (ignored tables nothing tracks do not count; they are carried
        // over); a revert, as Dolt's, may run beside uncommitted changes to tables it leaves alone (checked below)
        if (!inverse && UncommittedChanges.any(ctx)) {
            ctx.requireClean(what);
        }
        Commit c = ctx.repo().readCommit(picked);
        if (c.parents().isEmpty()) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "error: cannot " + what + " the initial commit " + picked);
        }
        Hash parent = mainlineParent(c, picked, mainline);
        Hash parentRoot = ctx.repo().readCommit(parent).root();
        Hash head = ctx.head();
        Commit headCommit = ctx.repo().readCommit(head);
        WorkingSet ws = ctx.workingSet();
        Hash base = inverse ? c.root() : parentRoot;
        Hash theirs = inverse ? parentRoot : c.root();
        ThreeWayApply.Applied a = ThreeWayApply.merge(ctx, base, headCommit.root(), theirs);
        RootValue headRoot = ctx.root(a.buffer(), headCommit.root());
        UncommittedChanges.requireDisjoint(UncommittedChanges.dirtyTables(headRoot, ctx.root(a.buffer(), ws.working()),
                ctx.root(a.buffer(), ws.staged())), UncommittedChanges.changedTables(headRoot, a.result().root()), what);
        if (!a.result().isClean()) {
            return ThreeWayApply.installConflicts(ctx, ws, a, null, what + " " + picked, headCommit.root());
        }
        if (a.mergedRoot().equals(headCommit.root())) {
            throw new VersioningException(VersioningException.Reason.NOTHING_TO_COMMIT,
                    "nothing to commit: the " + what + " of " + picked + " changes nothing");
        }
        // Dolt's revert message is the subject line alone (git adds "This reverts commit ...")
        String message = !inverse ? c.message() : "Revert \"" + firstLine(c.message()) + "\"";
        Commit out = new Commit(a.mergedRoot(), List.of(head), inverse ? who : c.author(), who, message,
                headCommit.height() + 1);
        WorkingSet next = UncommittedChanges.carry(ctx, a.buffer(), ws, headRoot, a.result().root(),
                a.result().root());
        Hash h = ctx.repo().writeCommit(ctx.branch(), head, ws, out, next, a.buffer());
        return new MergeOutcome(MergeOutcome.Kind.COMMITTED, h, List.of());
    }

    /**
     * The parent the picked change is measured against: the only one, or for a merge the {@code mainline}-th
     * (git refuses a merge without -m, since either side could be meant, and a -m beyond the parents).
     */
    static Hash mainlineParent(Commit c, Hash picked, Integer mainline) {
        if (mainline == null) {
            if (c.parents().size() > 1) {
                throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                        "error: commit " + picked + " is a merge but no -m option was given.");
            }
            return c.parents().get(0);
        }
        if (mainline < 1) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "error: option 'mainline' expects a number greater than zero");
        }
        if (mainline > c.parents().size()) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "error: commit " + picked + " does not have parent " + mainline);
        }
        return c.parents().get(mainline - 1);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
