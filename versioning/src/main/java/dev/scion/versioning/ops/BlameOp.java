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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code blame}: for every row of a table at a revision, the commit that last changed it. Walks first parents
 * newest first, diffing each commit's table with its parent's (cost follows the changes, not the table size)
 * until every row is attributed.
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
        java.util.TreeSet<byte[]> open = new java.util.TreeSet<>(KeyBytes.ORDER);
        TreeMap<byte[], Hash> blamed = new TreeMap<>(KeyBytes.ORDER);
        try (ProllyCursor c = ProllyMap.load(repo.chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                open.add(c.key());
            }
        }
        Hash current = start;
        Map<Hash, Commit> infos = new TreeMap<>();
        while (!open.isEmpty()) {
            Commit commit = repo.readCommit(current);
            infos.put(current, commit);
            if (commit.parents().isEmpty()) {
                for (byte[] k : open) {
                    blamed.put(k, current);
                }
                break;
            }
            Hash parent = commit.parents().get(0);
            Optional<Hash> mine = ctx.root(commit.root()).table(table);
            Optional<Hash> theirs = ctx.root(repo.readCommit(parent).root()).table(table);
            if (mine.isEmpty()) {
                break; // table did not exist here: cannot happen while rows are open, but stop safely
            }
            if (theirs.isEmpty()) {
                for (byte[] k : open) {
                    blamed.put(k, current);
                }
                break;
            }
            if (!mine.get().equals(theirs.get())) {
                ProllyMap now = ProllyMap.load(repo.chunks(), ctx.table(mine.get()).rows());
                ProllyMap before = ProllyMap.load(repo.chunks(), ctx.table(theirs.get()).rows());
                Iterator<DiffEntry> d = ProllyMap.diff(before, now);
                List<byte[]> done = new ArrayList<>();
                while (d.hasNext()) {
                    DiffEntry e = d.next();
                    if (e.toValue() != null && open.contains(e.key())) {
                        blamed.put(e.key(), current);
                        done.add(e.key());
                    }
                }
                done.forEach(open::remove);
            }
            current = parent;
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
