package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code blame}: for every row of a table at a revision, the commit that last changed it. Walks the history
 * newest first through every parent, as git blame does: a row a merge took unchanged from a branch is blamed on
 * that branch's commit, not on the merge. Each step diffs a commit's table with a parent's (cost follows the
 * changes, not the table size) until every row is attributed.
 */
public final class BlameOp {
    private BlameOp() {
    }

    /** One row and the commit that last changed it. */
    public record Line(Object[] row, Hash commit, Commit info) {
    }

    public static List<Line> run(BranchContext ctx, String table, String revision) {
        Hash start = ctx.resolve(revision == null ? "HEAD" : revision);
        var repo = ctx.repo();
        Commit startCommit = repo.readCommit(start);
        RootValue root = ctx.root(startCommit.root());
        Hash th = root.table(table).orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                "fatal: table '" + table + "' not found at " + (revision == null ? "HEAD" : revision)));
        TableValue tv = ctx.table(th);
        RowCodec codec = new RowCodec(tv.schema());
        TreeSet<byte[]> open = new TreeSet<>(KeyBytes.ORDER);
        TreeMap<byte[], Hash> blamed = new TreeMap<>(KeyBytes.ORDER);
        try (ProllyCursor c = ProllyMap.load(repo.chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                open.add(c.key());
            }
        }
        // Like git blame across merges: a commit hands each of its open rows to the first parent holding the same
        // row (same key, same value), and keeps the blame only for rows no parent holds. Commits are visited
        // highest first, so every child has handed its rows to a commit before that commit is looked at.
        Map<Hash, Commit> infos = new TreeMap<>();
        Map<Hash, TreeSet<byte[]>> pending = new HashMap<>();
        PriorityQueue<Hash> queue = new PriorityQueue<>(Comparator.comparingLong(
                (Hash h) -> infos.get(h).height()).reversed());
        infos.put(start, startCommit);
        pending.put(start, open);
        queue.add(start);
        while (!queue.isEmpty()) {
            Hash current = queue.poll();
            TreeSet<byte[]> rows = pending.remove(current);
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            Commit commit = infos.get(current);
            Optional<Hash> mine = ctx.root(commit.root()).table(table);
            for (Hash parent : commit.parents()) {
                if (rows.isEmpty() || mine.isEmpty()) {
                    break;
                }
                Commit pc = infos.computeIfAbsent(parent, repo::readCommit);
                Optional<Hash> theirs = ctx.root(pc.root()).table(table);
                if (theirs.isEmpty()) {
                    continue; // the table is new since this parent: nothing of it came from there
                }
                TreeSet<byte[]> same = new TreeSet<>(KeyBytes.ORDER);
                same.addAll(rows);
                if (!mine.get().equals(theirs.get())) {
                    ProllyMap now = ProllyMap.load(repo.chunks(), ctx.table(mine.get()).rows());
                    ProllyMap before = ProllyMap.load(repo.chunks(), ctx.table(theirs.get()).rows());
                    Iterator<DiffEntry> d = ProllyMap.diff(before, now);
                    while (d.hasNext()) {
                        same.remove(d.next().key()); // added or changed here relative to this parent
                    }
                }
                if (!same.isEmpty()) {
                    rows.removeAll(same);
                    TreeSet<byte[]> handed = pending.get(parent);
                    if (handed == null) {
                        pending.put(parent, same);
                        queue.add(parent);
                    } else {
                        handed.addAll(same);
                    }
                }
            }
            for (byte[] k : rows) {
                blamed.put(k, current);
            }
        }
        List<Line> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(repo.chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                Hash h = blamed.get(c.key());
                out.add(new Line(codec.decode(c.key(), c.value()), h, h == null ? null : infos.get(h)));
            }
        }
        return out;
    }
}
