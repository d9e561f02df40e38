package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;

/**
 * The shared step of merge, cherry-pick and revert: three-way merge two roots onto the head and, if anything
 * is left unresolved, install the result with a merge state in the working set.
 */
final class ThreeWayApply {
    private ThreeWayApply() {
    }

    record Applied(RootMerger.Result result, Hash mergedRoot, ChunkBuffer buffer) {
    }

    static Applied merge(BranchContext ctx, Hash base, Hash ours, Hash theirs) {
        ChunkBuffer buf = ctx.repo().newBuffer();
        RootMerger.Result r = new RootMerger(ctx.repo(), buf, ctx.constraintChecker()).mergeWithConflicts(ctx.root(buf, base),
                ctx.root(buf, ours), ctx.root(buf, theirs));
        return new Applied(r, r.root().write(buf), buf);
    }

    /**
     * Installs a conflicted result: working holds the merge, staged holds it too except conflicted tables,
     * which stay as ours until resolved (as git leaves unmerged paths out of the index).
     */
    static MergeOutcome installConflicts(BranchContext ctx, WorkingSet ws, Applied a, Hash source, String spec,
                                         Hash oursRoot) {
        ctx.repo().updateWorkingSet(ctx.branch(), ws, conflictedWorkingSet(ctx, ws, a, source, spec, oursRoot),
                a.buffer());
        return new MergeOutcome(MergeOutcome.Kind.CONFLICTS, null, a.result().conflicts());
    }

    /** The working set {@link #installConflicts} writes, for callers that write it together with other refs. */
    static WorkingSet conflictedWorkingSet(BranchContext ctx, WorkingSet ws, Applied a, Hash source, String spec,
                                           Hash oursRoot) {
        RootValue staged = a.result().root();
        RootValue ours = ctx.root(a.buffer(), oursRoot);
        for (TableConflicts c : a.result().conflicts()) {
            var o = ours.table(c.table());
            staged = o.isPresent() ? staged.withTable(ours.resolveName(c.table()).orElse(c.table()), o.get())
                    : staged.withoutTable(c.table());
        }
        MergeState state = new MergeState(source, spec, ws.working(), ws.staged(), a.result().conflicts());
        // uncommitted changes in tables the merge left alone stay on top (a clean working set: nothing to carry)
        WorkingSet carried = UncommittedChanges.carry(ctx, a.buffer(), ws, ours, a.result().root(), staged);
        return new WorkingSet(carried.working(), carried.staged(), source, state);
    }
}
