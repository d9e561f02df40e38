package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Optional;

/** {@code add}: copies tables (or all of them) from the working root into the staged root. */
public final class AddOp {
    private AddOp() {
    }

    /**
     * Stages the named tables; a name missing from working but present in staged stages its removal, and
     * {@code __DATABASE__<db>} stages the database collation.
     */
    public static WorkingSet add(BranchContext ctx, List<String> tables) {
        WorkingSet ws = ctx.workingSet();
        RootValue working = ctx.root(ws.working());
        RootValue staged = ctx.root(ws.staged());
        for (String t : tables) {
            Optional<Hash> w = working.table(t);
            if (t.regionMatches(true, 0, Status.DATABASE_ENTRY_PREFIX, 0, Status.DATABASE_ENTRY_PREFIX.length())) {
                staged = staged.withCollation(working.collation());
            } else if (w.isPresent()) {
                staged = staged.withTable(working.resolveName(t).orElse(t), w.get());
            } else if (staged.table(t).isPresent()) {
                staged = staged.withoutTable(t);
            } else {
                throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "fatal: table '" + t + "' did not match any tables");
            }
        }
        return install(ctx, ws, staged);
    }

    /** Stages everything: the staged root becomes the working root, less untracked tables dolt_ignore names. */
    public static WorkingSet addAll(BranchContext ctx) {
        WorkingSet ws = ctx.workingSet();
        return install(ctx, ws, IgnorePatterns.stageAll(ctx.repo(), ctx.repo().chunks(), ctx.root(ws.working()),
                ctx.root(ws.staged())));
    }

    private static WorkingSet install(BranchContext ctx, WorkingSet ws, RootValue staged) {
        ChunkBuffer buf = ctx.repo().newBuffer();
        Hash h = staged.write(buf);
        WorkingSet next = ws.withStaged(h);
        ctx.repo().updateWorkingSet(ctx.branch(), ws, next, buf);
        return next;
    }
}
