package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Three-way merge of root values, table by table. A table changed on one side only is taken from that side;
 * a table changed on both sides goes to {@link TableMerger} (schema, then cells). A table dropped on one side
 * and changed on the other is a conflict. {@link #merge} is what a transaction commit runs (any conflict
 * fails it); {@link #mergeWithConflicts} is what {@code merge}, {@code cherry-pick} and {@code revert} run.
 */
public final class RootMerger {
    private final Repository repo;
    private final ChunkBuffer out;

    public RootMerger(Repository repo, ChunkBuffer out) {
        this.repo = repo;
        this.out = out;
    }

    /** The merged root and the tables left unresolved (empty when clean). */
    public record Result(RootValue root, List<TableConflicts> conflicts) {
        public boolean isClean() {
            return conflicts.isEmpty();
        }
    }

    /** Merges and fails on the first table that does not merge cleanly. */
    public RootValue merge(RootValue base, RootValue ours, RootValue theirs) {
        Result r = mergeWithConflicts(base, ours, theirs);
        if (!r.isClean()) {
            TableConflicts c = r.conflicts().get(0);
            String why = c.schemaConflict() != null ? c.schemaConflict()
                    : c.rowConflictCount() > 0 ? c.rowConflictCount() + " row(s) were changed concurrently"
                    : c.violationCount() + " row(s) would violate a unique key";
            throw new MergeConflictException(c.table(), "table '" + c.table() + "': " + why);
        }
        return r.root();
    }

    public Result mergeWithConflicts(RootValue base, RootValue ours, RootValue theirs) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(base.tables().keySet());
        names.addAll(ours.tables().keySet());
        names.addAll(theirs.tables().keySet());
        RootValue result = ours;
        List<TableConflicts> conflicts = new ArrayList<>();
        for (String name : names) {
            Hash b = base.table(name).orElse(null);
            Hash o = ours.table(name).orElse(null);
            Hash t = theirs.table(name).orElse(null);
            if (Objects.equals(o, t) || Objects.equals(b, t)) {
                continue;
            }
            if (Objects.equals(b, o)) {
                String stored = theirs.resolveName(name).orElse(name);
                result = t == null ? result.withoutTable(name) : result.withTable(stored, t);
                continue;
            }
            if (o == null || t == null) {
                String side = o == null ? "ours" : "theirs";
                conflicts.add(new TableConflicts(name, b, o, t, null, 0, null, 0,
                        "table dropped on " + side + " and modified on the other side"));
                continue;
            }
            TableValue bt = b == null ? null : repo.readTable(out, b);
            TableMerger.Result r = new TableMerger(out).merge(ours.resolveName(name).orElse(name), b, bt, o,
                    repo.readTable(out, o), t, repo.readTable(out, t));
            result = result.withTable(ours.resolveName(name).orElse(name), out.put(r.merged().encode()));
            if (r.conflicts() != null) {
                conflicts.add(r.conflicts());
            }
        }
        return new Result(result, conflicts);
    }
}
