package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code checkout}: switch branches, create-and-switch, or restore tables from the staged root. Uncommitted
 * changes travel to the new branch as in git when that loses nothing: the target branch's working set must be
 * clean and hold the same version of every changed table as the current head. Otherwise nothing changes and
 * the user is told why.
 */
public final class CheckoutOp {
    private CheckoutOp() {
    }

    /** Switches to {@code target}; returns the context of the branch now checked out. */
    public static BranchContext switchTo(BranchContext ctx, String target) {
        if (ctx.repo().branchHead(target).isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "error: pathspec '" + target + "' did not match any branch or table");
        }
        BranchContext next = new BranchContext(ctx.repo(), target);
        if (target.equals(ctx.branch())) {
            return next;
        }
        WorkingSet ws = ctx.workingSet();
        RootValue headRoot = ctx.root(ctx.headCommit().root());
        TreeSet<String> dirty = dirtyTables(ctx, ws, headRoot);
        if (dirty.isEmpty()) {
            return next;
        }
        if (ws.isMerging()) {
            throw new VersioningException(VersioningException.Reason.MERGE_STATE,
                    "error: you need to resolve your current merge before switching branches");
        }
        WorkingSet targetWs = next.workingSet();
        Hash targetRootHash = next.headCommit().root();
        RootValue targetRoot = ctx.root(targetRootHash);
        boolean targetClean = targetWs.working().equals(targetRootHash) && targetWs.staged().equals(targetRootHash)
                && !targetWs.isMerging();
        List<String> blocking = dirty.stream()
                .filter(t -> !Objects.equals(headRoot.table(t), targetRoot.table(t))).toList();
        if (!targetClean || !blocking.isEmpty()) {
            throw new VersioningException(VersioningException.Reason.DIRTY_WORKING_SET,
                    "error: Your local changes to the following tables would be overwritten by checkout:\n\t"
                            + String.join("\n\t", blocking.isEmpty() ? List.copyOf(dirty) : blocking)
                            + "\nPlease commit your changes or reset them before you switch branches.");
        }
        RootValue working = carry(targetRoot, ctx.root(ws.working()), dirty);
        RootValue staged = carry(targetRoot, ctx.root(ws.staged()), dirty);
        ChunkBuffer buf = ctx.repo().newBuffer();
        WorkingSet carried = new WorkingSet(working.write(buf), staged.write(buf), null, null);
        // both working sets in one batch: the changes are never on both branches, nor on neither
        ctx.repo().updateWorkingSets(List.of(
                new Repository.WorkingSetChange(target, targetWs, carried),
                new Repository.WorkingSetChange(ctx.branch(), ws, WorkingSet.clean(ctx.headCommit().root()))), buf);
        return next;
    }

    /** Creates {@code name} at {@code start} (default HEAD) and switches to it, carrying uncommitted changes. */
    public static BranchContext createAndSwitch(BranchContext ctx, String name, String start) {
        BranchOp.create(ctx, name, start, false);
        try {
            return switchTo(ctx, name);
        } catch (VersioningException e) {
            ctx.repo().deleteBranch(name);
            throw e;
        }
    }

    /** Discards working changes to the tables: each goes back to its staged version. */
    public static void restoreTables(BranchContext ctx, List<String> tables) {
        WorkingSet ws = ctx.workingSet();
        RootValue staged = ctx.root(ws.staged());
        RootValue working = ctx.root(ws.working());
        for (String t : tables) {
            Optional<Hash> s = staged.table(t);
            if (s.isPresent()) {
                working = working.withTable(staged.resolveName(t).orElse(t), s.get());
            } else if (working.table(t).isPresent()) {
                throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                        "error: table '" + t + "' is not staged or committed; use 'scion clean' or 'scion rm' to drop it");
            } else {
                throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "error: pathspec '" + t + "' did not match any branch or table");
            }
        }
        ChunkBuffer buf = ctx.repo().newBuffer();
        ctx.repo().updateWorkingSet(ctx.branch(), ws, ws.withWorking(working.write(buf)), buf);
    }

    static TreeSet<String> dirtyTables(BranchContext ctx, WorkingSet ws, RootValue headRoot) {
        RootDiffer d = new RootDiffer(ctx.repo(), ctx.repo().chunks());
        TreeSet<String> dirty = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        d.diff(headRoot, ctx.root(ws.working())).stream().map(TableDelta::name).forEach(dirty::add);
        d.diff(headRoot, ctx.root(ws.staged())).stream().map(TableDelta::name).forEach(dirty::add);
        return dirty;
    }

    private static RootValue carry(RootValue onto, RootValue from, TreeSet<String> tables) {
        RootValue out = onto;
        for (String t : tables) {
            Optional<Hash> h = from.table(t);
            out = h.isPresent() ? out.withTable(from.resolveName(t).orElse(t), h.get()) : out.withoutTable(t);
        }
        return out;
    }
}
