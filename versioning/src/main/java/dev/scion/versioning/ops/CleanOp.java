package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code clean}: drops untracked tables (in the working root, in neither the staged root nor HEAD). Tables that
 * dolt_ignore names stay, as git's clean keeps ignored files.
 */
public final class CleanOp {
    private CleanOp() {
    }

    /** Returns the tables removed (or that would be, with {@code dryRun}); {@code only} limits the candidates. */
    public static List<String> run(BranchContext ctx, List<String> only, boolean dryRun) {
        WorkingSet ws = ctx.workingSet();
        RootValue working = ctx.root(ws.working());
        RootValue staged = ctx.root(ws.staged());
        RootValue head = ctx.root(ctx.headCommit().root());
        IgnorePatterns ignored = IgnorePatterns.of(ctx.repo(), ctx.repo().chunks(), working);
        List<String> untracked = new ArrayList<>();
        for (String t : working.tables().keySet()) {
            boolean selected = only.isEmpty() || only.stream().anyMatch(t::equalsIgnoreCase);
            if (selected && staged.table(t).isEmpty() && head.table(t).isEmpty() && !ignored.isIgnored(t)) {
                untracked.add(t);
            }
        }
        if (!dryRun && !untracked.isEmpty()) {
            for (String t : untracked) {
                working = working.withoutTable(t);
            }
            ChunkBuffer buf = ctx.repo().newBuffer();
            ctx.repo().updateWorkingSet(ctx.branch(), ws, ws.withWorking(working.write(buf)), buf);
        }
        return untracked;
    }
}
