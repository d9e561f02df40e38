package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.MergeResult;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Three-way merge of root values, table by table. A table changed on one side only is taken from that side;
 * a table changed on both sides with the same schema is merged row by row; anything else conflicts. This is
 * the merge a transaction commit runs when another session committed to the branch first.
 */
public final class RootMerger {
    private final Repository repo;
    private final ChunkBuffer out;

    public RootMerger(Repository repo, ChunkBuffer out) {
        this.repo = repo;
        this.out = out;
    }

    public RootValue merge(RootValue base, RootValue ours, RootValue theirs) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(base.tables().keySet());
        names.addAll(ours.tables().keySet());
        names.addAll(theirs.tables().keySet());
        RootValue result = ours;
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
            if (b == null || o == null || t == null) {
                throw new MergeConflictException(name, "table '" + name + "' was created or dropped concurrently");
            }
            result = result.withTable(ours.resolveName(name).orElse(name), out.put(mergeTable(name, b, o, t).encode()));
        }
        return result;
    }

    private TableValue mergeTable(String name, Hash b, Hash o, Hash t) {
        TableValue base = repo.readTable(out, b);
        TableValue ours = repo.readTable(out, o);
        TableValue theirs = repo.readTable(out, t);
        if (!ours.schema().equals(theirs.schema()) || !base.schema().equals(ours.schema())) {
            throw new MergeConflictException(name, "schema of table '" + name + "' was changed concurrently");
        }
        ProllyMap rows = mergeMap(name, base.rows(), ours.rows(), theirs.rows());
        Map<String, Hash> indexes = new HashMap<>();
        for (String ix : ours.indexes().keySet()) {
            indexes.put(ix, mergeMap(name, base.indexes().get(ix), ours.indexes().get(ix), theirs.indexes().get(ix))
                    .root());
        }
        long ai = Math.max(ours.autoIncrement(), theirs.autoIncrement());
        return new TableValue(ours.schema(), rows.root(), indexes, ai);
    }

    private ProllyMap mergeMap(String table, Hash b, Hash o, Hash t) {
        ProllyMap base = b == null ? ProllyMap.empty(out) : ProllyMap.load(out, b);
        MergeResult r = ProllyMap.merge(base, ProllyMap.load(out, o), ProllyMap.load(out, t), out,
                (key, bv, ov, tv) -> dev.scion.storage.prolly.Resolution.conflict());
        if (!r.conflicts().isEmpty()) {
            throw new MergeConflictException(table, r.conflicts().size() + " row(s) of table '" + table
                    + "' were changed concurrently");
        }
        return r.merged();
    }
}
