package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;
import dev.scion.versioning.table.TableChanges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies one table's pending row changes ({@link TableChanges}) of a transaction to the table a commit finds on
 * its branch, with the transaction commit's rules: what {@link RootMerger#forTransactionCommit} decides for a
 * table only the transaction's side changed rows of, without the transaction building its own trees and the merge
 * diffing them against the snapshot (docs/versioned-sql.md, "A transaction of deferred one-row writes is replayed
 * at COMMIT").
 *
 * <p>A row the transaction changed must still hold, in the current table, the value the transaction's snapshot had
 * (first committer wins, even where the cells would merge); the rows are then put, each index edited by the
 * entries that changed, and every row brought in is checked against the unique indexes of the result. Failures
 * throw the {@link MergeConflictException} the three-way merge throws, with its words. Where the merge would take
 * another road (the current table's schema or name differs, a tree is missing, a keyless table) {@link #onto}
 * answers null and the caller merges.
 */
public final class ChangeReplay {
    /** Tables replayed onto a table another transaction had changed, in this process (an operation count). */
    private static final LongAdder REPLAYED_ONTO_CHANGED = new LongAdder();

    private final TableChanges changes;
    private final ChunkBuffer out;

    public ChangeReplay(TableChanges changes, ChunkBuffer out) {
        this.changes = changes;
        this.out = out;
    }

    /** Replays onto a table another transaction had changed, so far in this process. */
    public static long replayedOntoChanged() {
        return REPLAYED_ONTO_CHANGED.sum();
    }

    /**
     * The base table with the changes applied: the table value the transaction's own statements would have
     * built on its snapshot. Nothing is checked (the statements checked their rows as they wrote them).
     */
    public TableValue onBase() {
        return applied(changes.base(), true);
    }

    /**
     * The changes applied to {@code ours}, the table (stored as {@code name}, at {@code oursHash}) the branch
     * holds now and another transaction changed since the snapshot; throws {@link MergeConflictException} when
     * the transaction commit's merge would fail; null when it cannot be told without that merge.
     */
    public TableValue onto(String name, Hash baseHash, Hash oursHash, TableValue ours) {
        TableValue base = changes.base();
        if (!sameSchema(base, ours) || ours.schema().isKeyless()) {
            return null;
        }
        for (TableChanges.IndexEntries ix : changes.indexes()) {
            if (ours.indexes().get(ix.index()) == null) {
                return null;
            }
        }
        ProllyMap ourRows = ProllyMap.load(out, ours.rows());
        for (TableChanges.Row row : changes.rows()) {
            if (!Arrays.equals(ourRows.get(row.key()), row.before())) {
                throw RootMerger.failure(new TableConflicts(name, baseHash, oursHash, null, null, 1, null, 0, null));
            }
        }
        REPLAYED_ONTO_CHANGED.increment();
        TableValue merged = applied(ours, false);
        int violating = uniqueViolations(merged);
        if (violating > 0) {
            throw RootMerger.failure(new TableConflicts(name, baseHash, oursHash, null, null, 0, null, violating,
                    null));
        }
        return merged;
    }

    private static boolean sameSchema(TableValue a, TableValue b) {
        Hash x = a.schemaAddress();
        return x != null && x.equals(b.schemaAddress()) || a.schema().equals(b.schema());
    }

    /**
     * {@code target}'s trees with the changes applied; its auto-increment counter raised to the changes'. On the
     * base ({@code onBase}) every change is one by construction (the editor listed what differs from the base's
     * rows and entries), and so is every row change on a table whose rows were checked to hold the base's
     * versions: the tree edits are told so and skip looking each key up again.
     */
    private TableValue applied(TableValue target, boolean onBase) {
        Hash rows = target.rows();
        if (!changes.rows().isEmpty()) {
            MapEdits edits = new MapEdits();
            boolean sameLength = true;
            for (TableChanges.Row row : changes.rows()) {
                if (row.after() == null) {
                    edits.delete(row.key());
                } else {
                    edits.put(row.key(), row.after());
                }
                sameLength &= row.before() != null && row.after() != null
                        && row.before().length == row.after().length;
            }
            // onto() checked that the target holds every row's before value, as the base does
            rows = ProllyMap.load(out, rows).edit(edits.knownToChange(sameLength), out).root();
        }
        Map<String, Hash> indexes = target.indexes();
        boolean copied = false;
        for (TableChanges.IndexEntries ix : changes.indexes()) {
            if (ix.isEmpty()) {
                continue;
            }
            MapEdits edits = new MapEdits();
            for (int i = 0; i < ix.keys().size(); i++) {
                byte[] value = ix.values().get(i);
                if (value == null) {
                    edits.delete(ix.keys().get(i));
                } else {
                    edits.put(ix.keys().get(i), value);
                }
            }
            if (onBase) {
                // every entry listed differs from the base's; against another commit's table that is not known
                edits.knownToChange(false);
            }
            if (!copied) {
                indexes = new HashMap<>(indexes);
                copied = true;
            }
            indexes.put(ix.index(), ProllyMap.load(out, indexes.get(ix.index())).edit(edits, out).root());
        }
        return target.withTrees(rows, indexes)
                .withAutoIncrement(Math.max(target.autoIncrement(), changes.autoIncrement()));
    }

    /**
     * Rows, among those the changes brought in, whose values in a unique index another row of {@code merged} also
     * holds (the merge's unique-key check, which looks at the rows it changed relative to ours).
     */
    private int uniqueViolations(TableValue merged) {
        List<IndexDef> unique = merged.schema().indexes().stream().filter(IndexDef::unique).toList();
        if (unique.isEmpty()) {
            return 0;
        }
        RowCodec codec = SchemaCodecs.of(merged).rows();
        Map<byte[], Boolean> found = new TreeMap<>(KeyBytes.ORDER);
        for (TableChanges.Row row : changes.rows()) {
            if (row.after() == null) {
                continue;
            }
            Object[] values = codec.decode(row.key(), row.after());
            for (IndexDef ix : unique) {
                IndexCodec ic = codec.indexCodec(ix);
                Object[] indexed = ic.indexValues(values);
                if (Arrays.stream(indexed).anyMatch(Objects::isNull)) {
                    continue;
                }
                ProllyMap index = ProllyMap.load(out, merged.indexes().get(ix.name().toLowerCase()));
                List<byte[]> holders = new ArrayList<>();
                try (ProllyCursor c = index.cursor(KeyRange.prefix(ic.prefix(indexed)), false)) {
                    while (c.next()) {
                        holders.add(ic.rowKey(c.key()));
                    }
                }
                if (holders.size() > 1) {
                    holders.forEach(h -> found.put(h, Boolean.TRUE));
                }
            }
        }
        return found.size();
    }
}
