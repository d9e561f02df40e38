package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Uncommitted changes carried across an operation that moves the head (merge, as Dolt allows): the operation may
 * proceed when the tables it changes and the tables with uncommitted changes are disjoint; then its changes are
 * laid over the working and staged roots, and the uncommitted changes stay uncommitted on top of the new head.
 */
public final class UncommittedChanges {
    private UncommittedChanges() {
    }

    /**
     * Whether the branch has uncommitted changes that matter to cherry-pick and revert: any table whose working or
     * staged version differs from the head's, except tables dolt_ignore ignores and nothing tracks (scratch
     * tables the user keeps out of version control).
     */
    public static boolean any(BranchContext ctx) {
        WorkingSet ws = ctx.workingSet();
        Hash headRoot = ctx.headCommit().root();
        if (ws.working().equals(headRoot) && ws.staged().equals(headRoot)) {
            return false;
        }
        RootValue head = ctx.root(headRoot);
        RootValue working = ctx.root(ws.working());
        RootValue staged = ctx.root(ws.staged());
        IgnorePatterns ignore = IgnorePatterns.of(ctx.repo(), ctx.repo().chunks(), working);
        for (String t : dirtyTables(head, working, staged)) {
            boolean untracked = head.table(t).isEmpty() && staged.table(t).isEmpty();
            if (!(untracked && ignore.isIgnored(t))) {
                return true;
            }
        }
        return false;
    }

    /** Tables whose working or staged version differs from the head's. */
    static Set<String> dirtyTables(RootValue head, RootValue working, RootValue staged) {
        Set<String> out = changedTables(head, working);
        out.addAll(changedTables(head, staged));
        return out;
    }

    /** Tables added, dropped or changed from {@code from} to {@code to} (case-insensitive names). */
    static Set<String> changedTables(RootValue from, RootValue to) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(from.tables().keySet());
        names.addAll(to.tables().keySet());
        for (String n : names) {
            if (!Objects.equals(from.table(n), to.table(n))) {
                out.add(to.resolveName(n).or(() -> from.resolveName(n)).orElse(n));
            }
        }
        return out;
    }

    /**
     * Fails with Dolt's message, naming the tables, when the operation would change a table that has uncommitted
     * changes.
     */
    static void requireDisjoint(Set<String> dirty, Collection<String> touched, String operation) {
        Set<String> stomped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String t : touched) {
            if (dirty.contains(t)) {
                stomped.add(t);
            }
        }
        if (!stomped.isEmpty()) {
            throw new VersioningException(VersioningException.Reason.DIRTY_WORKING_SET,
                    "error: local changes would be stomped by " + operation + ":\n\t" + String.join("\n\t", stomped)
                            + "\n Please commit your changes before you " + operation + ".");
        }
    }

    /** {@code target} with every table that differs between {@code oldHead} and {@code next} taken from next. */
    static RootValue carry(RootValue target, RootValue oldHead, RootValue next) {
        if (target.equals(oldHead)) {
            return next;
        }
        RootValue out = target;
        for (String n : changedTables(oldHead, next)) {
            Hash h = next.table(n).orElse(null);
            if (h == null) {
                out = out.withoutTable(n);
            } else {
                out = out.withTable(n, h);
            }
        }
        return out;
    }

    /**
     * The working set after the head moved from {@code oldHead} to a commit of {@code newWorking} (and
     * {@code newStaged}): the old set's uncommitted tables on top of the new roots.
     */
    static WorkingSet carry(BranchContext ctx, ChunkBuffer buf, WorkingSet ws, RootValue oldHead,
                            RootValue newWorking, RootValue newStaged) {
        RootValue working = carry(ctx.root(buf, ws.working()), oldHead, newWorking);
        RootValue staged = carry(ctx.root(buf, ws.staged()), oldHead, newStaged);
        return new WorkingSet(working.write(buf), staged.write(buf), null, null);
    }
}
