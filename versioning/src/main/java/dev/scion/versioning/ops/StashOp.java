package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stash}: named stacks of set-aside uncommitted changes. {@link #push} saves the branch's staged and working
 * roots (untracked tables only with {@code includeUntracked}) and resets both to HEAD; {@link #apply} merges a saved
 * entry back into the working set of whatever branch is current, three-way against the HEAD it was saved on, and
 * stages again the tables the entry had staged as new; pop is apply then {@link #drop}.
 *
 * <p>An entry is a commit kept under {@code refs/stashes/<name>/<sequence>}: its root is the saved working root, its
 * parents the HEAD it was saved on and a commit of the saved staged root, its message the branch. Being a ref under
 * refs/ keeps it alive through garbage collection; remotes only ever list heads and tags, so entries stay local.
 * Entry 0 ({@code stash@{0}}) is the newest.
 */
public final class StashOp {
    public static final String PREFIX = "refs/stashes/";

    private StashOp() {
    }

    /** One saved entry. */
    public record Entry(String stash, int index, String ref, Hash commit, String branch, Hash head) {
    }

    /** The entries of one stash (or of all, with a null name), newest first within each stash. */
    public static List<Entry> list(BranchContext ctx, String name) {
        List<Entry> out = new ArrayList<>();
        String prefix = name == null ? PREFIX : PREFIX + name + "/";
        Map<String, byte[]> refs = ctx.repo().store().listRefs(prefix);
        // listRefs sorts by name: stash, then zero-padded sequence; newest first means walking each stash backwards
        List<String> names = new ArrayList<>(refs.keySet());
        List<Entry> group = new ArrayList<>();
        String current = null;
        for (String ref : names) {
            String rest = ref.substring(PREFIX.length());
            String stash = rest.substring(0, rest.lastIndexOf('/'));
            if (!stash.equals(current)) {
                flush(group, out);
                current = stash;
            }
            Hash h = Hash.fromBytes(refs.get(ref));
            Commit c = ctx.repo().readCommit(h);
            group.add(new Entry(stash, 0, ref, h, c.message(), c.parents().get(0)));
        }
        flush(group, out);
        return out;
    }

    private static void flush(List<Entry> group, List<Entry> out) {
        for (int i = group.size() - 1, n = 0; i >= 0; i--, n++) {
            Entry e = group.get(i);
            out.add(new Entry(e.stash(), n, e.ref(), e.commit(), e.branch(), e.head()));
        }
        group.clear();
    }

    /** Saves the changes and resets the working set to HEAD; fails when there is nothing to save. */
    public static void push(BranchContext ctx, String name, boolean includeUntracked, Signature who) {
        requireName(name);
        ctx.requireNotMerging("stash");
        WorkingSet ws = ctx.workingSet();
        Hash headHash = ctx.head();
        Commit head = ctx.headCommit();
        RootValue headRoot = ctx.root(head.root());
        RootValue staged = ctx.root(ws.staged());
        RootValue working = ctx.root(ws.working());
        RootValue saved = working;
        RootValue left = headRoot; // what the working root keeps: the untracked tables not saved
        for (var t : working.tables().entrySet()) {
            boolean tracked = headRoot.table(t.getKey()).isPresent() || staged.table(t.getKey()).isPresent();
            if (!tracked && !includeUntracked) {
                saved = saved.withoutTable(t.getKey());
                left = left.withTable(t.getKey(), t.getValue());
            }
        }
        if (saved.tables().equals(headRoot.tables()) && staged.tables().equals(headRoot.tables())) {
            throw new VersioningException(VersioningException.Reason.NOTHING_TO_COMMIT, "No local changes to save");
        }
        ChunkBuffer buf = ctx.repo().newBuffer();
        Hash stagedCommit = buf.put(new Commit(staged.write(buf), List.of(headHash), who, who,
                "staged", head.height() + 1).encode());
        Hash entry = buf.put(new Commit(saved.write(buf), List.of(headHash, stagedCommit), who, who,
                ctx.branch(), head.height() + 2).encode());
        Hash leftHash = left.write(buf);
        ctx.repo().updateWorkingSet(ctx.branch(), ws, new WorkingSet(leftHash, head.root(), null), buf);
        List<Entry> existing = list(ctx, name);
        long next = existing.isEmpty() ? 0 : sequence(existing.get(0).ref()) + 1;
        ctx.repo().store().commit(Map.of(), List.of(RefUpdate.cas(String.format("%s%s/%010d", PREFIX, name, next),
                null, entry.bytes())));
    }

    /**
     * Merges entry {@code index} of the stash into the working set; with {@code drop}, removes it after. A table
     * the entry and the working set changed incompatibly (schema conflict, or dropped on one side and changed on
     * the other) stops the pop with nothing changed, in Dolt's words. Row conflicts and constraint violations are
     * left in the working set to resolve, as a merge without a source commit, and the entry is kept (git's and
     * Dolt's rule: a pop that did not apply cleanly does not drop). Returns whether it applied cleanly.
     */
    public static boolean apply(BranchContext ctx, String name, int index, boolean drop) {
        Entry e = entry(ctx, name, index);
        ctx.requireNotMerging("stash");
        Commit entry = ctx.repo().readCommit(e.commit());
        RootValue base = ctx.root(ctx.repo().readCommit(e.head()).root());
        RootValue theirs = ctx.root(entry.root());
        RootValue savedStaged = ctx.root(ctx.repo().readCommit(entry.parents().get(1)).root());
        WorkingSet ws = ctx.workingSet();
        RootValue ours = ctx.root(ws.working());
        ChunkBuffer buf = ctx.repo().newBuffer();
        RootMerger.Result merged = new RootMerger(ctx.repo(), buf).mergeWithConflicts(base, ours, theirs);
        for (var c : merged.conflicts()) {
            if (c.schemaConflict() != null) {
                throw new VersioningException(VersioningException.Reason.CONFLICT, "merge aborted: schema conflict "
                        + "found for table " + c.table() + " \n please resolve schema conflicts before merging: \n\t"
                        + c.schemaConflict());
            }
        }
        RootValue working = merged.root();
        RootValue staged = ctx.root(ws.staged());
        for (String t : savedStaged.tables().keySet()) {
            // a table the entry had staged as new is staged again, as it now is in the working root
            if (base.table(t).isEmpty() && working.table(t).isPresent()) {
                staged = staged.withTable(t, working.table(t).get());
            }
        }
        if (!merged.isClean()) {
            // conflicted tables stay as they were in the staged root until resolved
            for (var c : merged.conflicts()) {
                var before = ctx.root(buf, ws.staged()).table(c.table());
                staged = before.isPresent() ? staged.withTable(c.table(), before.get()) : staged.withoutTable(c.table());
            }
            MergeState state = new MergeState(null, "stash@{" + e.index() + "}", ws.working(), ws.staged(),
                    merged.conflicts());
            ctx.repo().updateWorkingSet(ctx.branch(), ws,
                    new WorkingSet(working.write(buf), staged.write(buf), null, state), buf);
            return false;
        }
        ctx.repo().updateWorkingSet(ctx.branch(), ws,
                new WorkingSet(working.write(buf), staged.write(buf), ws.mergeSource(), ws.mergeState()),
                buf);
        if (drop) {
            ctx.repo().store().commit(Map.of(), List.of(RefUpdate.delete(e.ref())));
        }
        return true;
    }

    /** Removes entry {@code index} of the stash. */
    public static void drop(BranchContext ctx, String name, int index) {
        Entry e = entry(ctx, name, index);
        ctx.repo().store().commit(Map.of(), List.of(RefUpdate.delete(e.ref())));
    }

    /** Removes every entry of the stash. */
    public static void clear(BranchContext ctx, String name) {
        requireName(name);
        List<RefUpdate> deletes = list(ctx, name).stream().map(e -> RefUpdate.delete(e.ref())).toList();
        if (!deletes.isEmpty()) {
            ctx.repo().store().commit(Map.of(), deletes);
        }
    }

    private static Entry entry(BranchContext ctx, String name, int index) {
        requireName(name);
        List<Entry> entries = list(ctx, name);
        if (entries.isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "No stash entries found.");
        }
        if (index < 0 || index >= entries.size()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "stash@{" + index + "} is not a valid reference");
        }
        return entries.get(index);
    }

    private static long sequence(String ref) {
        return Long.parseLong(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("..")) {
            throw new VersioningException(VersioningException.Reason.INVALID_NAME, "invalid stash name: " + name);
        }
    }
}
