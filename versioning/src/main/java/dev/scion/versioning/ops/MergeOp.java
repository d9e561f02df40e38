package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.CommitArtifacts;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code merge}: fast-forward when the head is the merge base, otherwise a three-way merge of the roots
 * committed with two parents; --squash and --no-commit leave the result in the working set; conflicts leave it
 * there with a merge state until resolved and committed, or aborted. Uncommitted changes may stand when the merge
 * changes none of their tables; they stay uncommitted on top of the result (the merge commit does not take them).
 */
public final class MergeOp {
    private MergeOp() {
    }

    public static MergeOutcome merge(BranchContext ctx, String revision, MergeOptions o) {
        WorkingSet ws = ctx.workingSet();
        // a forced commit's kept conflicts are no merge in progress: they join this merge's result
        MergeState kept = RecordedArtifacts.kept(ws);
        if (kept == null) {
            ctx.requireNotMerging("merge");
        }
        Hash theirs = ctx.resolve(revision);
        Hash ours = ctx.head();
        Hash base = MergeBase.find(ctx.repo(), ours, theirs).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.INVALID_ARGUMENT, "fatal: refusing to merge unrelated histories"));
        if (base.equals(theirs)) {
            return new MergeOutcome(MergeOutcome.Kind.UP_TO_DATE, ours, List.of());
        }
        Commit theirCommit = ctx.repo().readCommit(theirs);
        Hash oursRoot = ctx.repo().readCommit(ours).root();
        ChunkBuffer look = ctx.repo().newBuffer();
        RootValue head = ctx.root(look, oursRoot);
        // uncommitted changes may stay when the merge changes none of their tables (Dolt's rule)
        Set<String> dirty = UncommittedChanges.dirtyTables(head, ctx.root(look, ws.working()),
                ctx.root(look, ws.staged()));
        if (base.equals(ours) && !o.noFastForward() && !o.squash() && !o.noCommit()) {
            RootValue next = ctx.root(look, theirCommit.root());
            UncommittedChanges.requireDisjoint(dirty, UncommittedChanges.changedTables(head, next), "merge");
            WorkingSet moved = UncommittedChanges.carry(ctx, look, ws, head, next, next);
            List<TableConflicts> recorded = RecordedArtifacts.of(ctx.repo(), theirCommit);
            if (!recorded.isEmpty()) { // theirs' recorded conflicts come along, as they would in Dolt's tables
                moved = moved.withMergeState(new CommitArtifacts(recorded).asKeptState(moved.working(),
                        moved.staged()));
            }
            ctx.repo().updateHead(ctx.branch(), ours, theirs, ws, moved, look);
            return new MergeOutcome(MergeOutcome.Kind.FAST_FORWARD, theirs, List.of());
        }
        ThreeWayApply.Applied a = ThreeWayApply.merge(ctx, ctx.repo().readCommit(base).root(), oursRoot,
                theirCommit.root());
        // what theirs recorded since the merge base (the base's own records are history both sides share)
        List<TableConflicts> recorded = new ArrayList<>(RecordedArtifacts.of(ctx.repo(), theirCommit));
        recorded.removeAll(RecordedArtifacts.of(ctx.repo(), ctx.repo().readCommit(base)));
        if (kept != null) {
            recorded.addAll(kept.tables());
        }
        if (!recorded.isEmpty()) {
            a = new ThreeWayApply.Applied(new RootMerger.Result(a.result().root(),
                    RecordedArtifacts.combine(a.buffer(), a.result().conflicts(), recorded)), a.mergedRoot(),
                    a.buffer());
        }
        RootValue merged = a.result().root();
        Set<String> touched = UncommittedChanges.changedTables(head, merged);
        a.result().conflicts().forEach(c -> touched.add(c.table()));
        UncommittedChanges.requireDisjoint(dirty, touched, "merge");
        Hash source = o.squash() ? null : theirs;
        if (!a.result().isClean()) {
            return ThreeWayApply.installConflicts(ctx, ws, a, source, revision, oursRoot);
        }
        if (o.squash() || o.noCommit()) {
            WorkingSet carried = UncommittedChanges.carry(ctx, a.buffer(), ws, head, merged, merged);
            // --no-commit leaves a merge in progress, as Dolt does: dolt_merge_status shows it, --abort goes back
            // to the roots from before it, and dolt_commit concludes it with both parents; --squash leaves none
            MergeState inProgress = source == null ? null
                    : new MergeState(source, revision, ws.working(), ws.staged(), List.of());
            WorkingSet next = new WorkingSet(carried.working(), carried.staged(), source, inProgress);
            ctx.repo().updateWorkingSet(ctx.branch(), ws, next, a.buffer());
            return new MergeOutcome(MergeOutcome.Kind.STAGED, null, List.of());
        }
        String message = o.message() != null ? o.message()
                : "Merge " + (ctx.repo().branchHead(revision).isPresent() ? "branch '" + revision + "'" : revision)
                + " into " + ctx.branch();
        long height = Math.max(ctx.repo().readCommit(ours).height(), theirCommit.height()) + 1;
        List<Hash> parents = new ArrayList<>(List.of(ours, theirs));
        Commit c = new Commit(a.mergedRoot(), parents, o.who(), o.who(), message, height);
        Hash h = ctx.repo().writeCommit(ctx.branch(), ours, ws, c,
                UncommittedChanges.carry(ctx, a.buffer(), ws, head, merged, merged), a.buffer());
        return new MergeOutcome(MergeOutcome.Kind.COMMITTED, h, List.of());
    }

    /** {@code merge --abort}: back to the working and staged roots from before the merge. */
    public static void abort(BranchContext ctx) {
        WorkingSet ws = ctx.workingSet();
        if (!ws.isMerging()) {
            throw new VersioningException(VersioningException.Reason.MERGE_STATE,
                    "fatal: There is no merge to abort (MERGE_HEAD missing).");
        }
        Hash headRoot = ctx.headCommit().root();
        WorkingSet next = ws.mergeState() == null ? WorkingSet.clean(headRoot)
                : new WorkingSet(ws.mergeState().preMergeWorking(), ws.mergeState().preMergeStaged(), null, null);
        List<TableConflicts> recorded = RecordedArtifacts.of(ctx.repo(), ctx.headCommit());
        if (!recorded.isEmpty()) { // the head's forced commit keeps its conflicts after the abort
            next = next.withMergeState(new CommitArtifacts(recorded).asKeptState(next.working(), next.staged()));
        }
        ctx.repo().updateWorkingSet(ctx.branch(), ws, next, ctx.repo().newBuffer());
    }
}
