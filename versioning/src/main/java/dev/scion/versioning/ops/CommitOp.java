package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code commit}: writes a commit of the staged root (or, with -a/-A, of the working root) on top of the
 * head, with the merge source as second parent while a merge is in progress, and moves the head and the
 * working set in one compare-and-swap.
 */
public final class CommitOp {
    private CommitOp() {
    }

    public static Hash run(BranchContext ctx, CommitOptions o) {
        WorkingSet ws = ctx.workingSet();
        if (ws.mergeState() != null && ws.mergeState().hasUnresolved()) {
            String tables = ws.mergeState().tables().stream().filter(t -> !t.isResolved()).map(TableConflicts::table)
                    .collect(Collectors.joining(", "));
            throw new VersioningException(VersioningException.Reason.MERGE_STATE,
                    "error: Committing is not possible because you have unmerged tables: " + tables
                            + "\nhint: resolve them with 'scion conflicts resolve' and try again");
        }
        Hash head = ctx.head();
        Commit headCommit = ctx.repo().readCommit(head);
        ChunkBuffer buf = ctx.repo().newBuffer();
        Hash toCommit = ws.staged();
        if (o.stageAll()) {
            RootValue all = IgnorePatterns.stageAll(ctx.repo(), ctx.repo().chunks(), ctx.root(ws.working()),
                    ctx.root(ws.staged()));
            toCommit = all.write(buf);
        } else if (o.stageTracked()) {
            RootValue staged = ctx.root(ws.staged());
            RootValue working = ctx.root(ws.working());
            for (String name : List.copyOf(staged.tables().keySet())) {
                var w = working.table(name);
                staged = w.isPresent() ? staged.withTable(name, w.get()) : staged.withoutTable(name);
            }
            toCommit = staged.write(buf);
        }
        List<Hash> parents = new ArrayList<>();
        Hash compareRoot;
        if (o.amend()) {
            if (headCommit.parents().isEmpty()) {
                throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                        "fatal: cannot amend the initial commit");
            }
            parents.addAll(headCommit.parents());
            compareRoot = ctx.repo().readCommit(headCommit.parents().get(0)).root();
        } else {
            parents.add(head);
            compareRoot = headCommit.root();
        }
        if (ws.mergeSource() != null) {
            parents.add(ws.mergeSource());
        }
        boolean merging = ws.isMerging();
        if (!o.amend() && !merging && !o.allowEmpty() && toCommit.equals(compareRoot)) {
            throw new VersioningException(VersioningException.Reason.NOTHING_TO_COMMIT,
                    "nothing to commit, working tree clean");
        }
        String message = o.message() != null ? o.message() : o.amend() ? headCommit.message() : null;
        if (message == null || message.isBlank()) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "Aborting commit due to empty commit message.");
        }
        var author = o.author() != null ? o.author() : o.amend() ? headCommit.author() : o.committer();
        long height = 0;
        for (Hash p : parents) {
            height = Math.max(height, ctx.repo().readCommit(p).height());
        }
        Commit c = new Commit(toCommit, parents, author, o.committer(), message, height + 1);
        WorkingSet next = new WorkingSet(ws.working(), toCommit, null, null);
        return ctx.repo().writeCommit(ctx.branch(), head, ws, c, next, buf);
    }
}
