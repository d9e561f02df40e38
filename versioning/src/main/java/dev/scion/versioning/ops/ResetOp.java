package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Optional;

/**
 * {@code reset}: move the head to a revision keeping working and staged (soft), keeping working only (mixed,
 * the default), or discarding both (hard); or unstage tables. Moving the head ends a merge in progress.
 */
public final class ResetOp {
    public enum Mode { SOFT, MIXED, HARD }

    private ResetOp() {
    }

    public static Hash toRevision(BranchContext ctx, String revision, Mode mode) {
        Hash target = ctx.resolve(revision == null ? "HEAD" : revision);
        Hash root = ctx.repo().readCommit(target).root();
        WorkingSet ws = ctx.workingSet();
        WorkingSet next = switch (mode) {
            case SOFT -> new WorkingSet(ws.working(), ws.staged(), null, null);
            case MIXED -> new WorkingSet(ws.working(), root, null, null);
            case HARD -> WorkingSet.clean(root);
        };
        ctx.repo().updateHead(ctx.branch(), ctx.head(), target, ws, next, ctx.repo().newBuffer());
        return target;
    }

    /** Unstages tables: each staged table goes back to its version at HEAD. */
    public static void tables(BranchContext ctx, List<String> tables) {
        WorkingSet ws = ctx.workingSet();
        RootValue staged = unstaged(ctx.root(ctx.headCommit().root()), ctx.root(ws.staged()), tables);
        ChunkBuffer buf = ctx.repo().newBuffer();
        ctx.repo().updateWorkingSet(ctx.branch(), ws, ws.withStaged(staged.write(buf)), buf);
    }

    /** {@code staged} with each of {@code tables} back at its version in {@code head} (dropped if head lacks it). */
    public static RootValue unstaged(RootValue head, RootValue staged, List<String> tables) {
        for (String t : tables) {
            Optional<Hash> h = head.table(t);
            if (h.isPresent()) {
                staged = staged.withTable(head.resolveName(t).orElse(t), h.get());
            } else if (staged.table(t).isPresent()) {
                staged = staged.withoutTable(t);
            } else {
                throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "fatal: table '" + t + "' did not match any tables");
            }
        }
        return staged;
    }
}
