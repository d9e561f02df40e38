package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.List;
import java.util.Objects;

/**
 * {@code rm}: drops tables from the working and staged roots (so the next commit removes them); with
 * {@code cached} only from the staged root. A table whose working version has unstaged changes is kept unless
 * {@code force}, since removing it would lose them. A table another remaining table references by a foreign key
 * (in the working or the staged root) cannot be removed, with or without {@code cached}: the commit would hold a
 * dangling reference.
 */
public final class RmOp {
    private RmOp() {
    }

    public static void run(BranchContext ctx, List<String> tables, boolean cached, boolean force) {
        WorkingSet ws = ctx.workingSet();
        RootValue working = ctx.root(ws.working());
        RootValue staged = ctx.root(ws.staged());
        for (String t : tables) {
            if (working.table(t).isEmpty() && staged.table(t).isEmpty()) {
                throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                        "fatal: table '" + t + "' did not match any tables");
            }
            if (!cached && !force && !Objects.equals(working.table(t), staged.table(t))) {
                throw new VersioningException(VersioningException.Reason.DIRTY_WORKING_SET,
                        "error: the table(s) " + t + " have unstaged changes.");
            }
        }
        for (String t : tables) {
            for (RootValue root : List.of(working, staged)) {
                for (var other : root.tables().entrySet()) {
                    if (tables.stream().anyMatch(r -> r.equalsIgnoreCase(other.getKey()))) {
                        continue;
                    }
                    boolean references = ctx.table(other.getValue()).schema().foreignKeys().stream()
                            .anyMatch(fk -> fk.referencedTable().equalsIgnoreCase(t));
                    if (references) {
                        throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                                "unable to remove `" + t + "` since it is referenced from table `" + other.getKey()
                                        + "`");
                    }
                }
            }
        }
        for (String t : tables) {
            staged = staged.withoutTable(t);
            if (!cached) {
                working = working.withoutTable(t);
            }
        }
        ChunkBuffer buf = ctx.repo().newBuffer();
        ctx.repo().updateWorkingSet(ctx.branch(), ws,
                new WorkingSet(working.write(buf), staged.write(buf), ws.mergeSource(), ws.mergeState()),
                buf);
    }
}
