package dev.scion.versioning.ops;

import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;

import java.util.ArrayList;
import java.util.List;

/** {@code status}: head vs staged vs working, table by table. */
public final class StatusOp {
    private StatusOp() {
    }

    public static Status run(BranchContext ctx) {
        WorkingSet ws = ctx.workingSet();
        RootValue head = ctx.root(ctx.headCommit().root());
        RootValue staged = ctx.root(ws.staged());
        RootValue working = ctx.root(ws.working());
        RootDiffer differ = new RootDiffer(ctx.repo(), ctx.repo().chunks());
        List<TableDelta> stagedChanges = differ.diff(head, staged);
        List<TableDelta> unstaged = new ArrayList<>();
        List<TableDelta> untracked = new ArrayList<>();
        IgnorePatterns ignore = IgnorePatterns.of(ctx.repo(), ctx.repo().chunks(), working);
        for (TableDelta d : differ.diff(staged, working)) {
            if (d.kind() == TableDelta.Kind.ADDED) {
                if (!ignore.isIgnored(d.name())) {
                    untracked.add(d);
                }
            } else {
                unstaged.add(d);
            }
        }
        return new Status(ctx.branch(), ctx.head(), stagedChanges, unstaged, untracked, ws.mergeSource(),
                ws.mergeState(), !java.util.Objects.equals(head.collation(), staged.collation()),
                !java.util.Objects.equals(staged.collation(), working.collation()));
    }
}
