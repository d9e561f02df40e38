package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.MergeConflict;
import dev.scion.storage.prolly.MergeResult;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Three-way merge of one table that both sides changed: schema first ({@link SchemaMerger}), then rows
 * brought into the merged schema and merged cell by cell ({@link CellMerger}), then indexes, then unique-key
 * checks. What cannot be decided is returned as {@link TableConflicts}, never applied silently.
 */
public final class TableMerger {
    /** Above this many changed rows on their side, a non-strict merge goes through the general tree merge. */
    private static final int MAX_REPLAYED_ROWS = 10_000;

    /** Rows whose two versions replays decoded to rebuild index entries, in this process (an operation count). */
    private static final LongAdder ROWS_DECODED = new LongAdder();
    /** Index trees replays edited, in this process (an operation count). */
    private static final LongAdder INDEX_TREES_EDITED = new LongAdder();
    /** Tables merged (their sides diffed), in this process (an operation count). */
    private static final LongAdder TABLES_MERGED = new LongAdder();

    private final ChunkBuffer out;
    private final boolean strictRows;
    private final RowConstraintChecker sql;

    public TableMerger(ChunkBuffer out) {
        this(out, false);
    }

    /**
     * With {@code strictRows}, a row that both sides changed (same schema on all three) is a conflict even when
     * its cells would merge: what a transaction commit needs, where two read-modify-writes of one row from the
     * same snapshot (both {@code v = v + 1}) must not silently become one.
     */
    public TableMerger(ChunkBuffer out, boolean strictRows) {
        this(out, strictRows, RowConstraintChecker.NONE);
    }

    /** With {@code sql} merging JSON cells both sides changed ({@link RowConstraintChecker#mergeJson}). */
    public TableMerger(ChunkBuffer out, boolean strictRows, RowConstraintChecker sql) {
        this.out = out;
        this.strictRows = strictRows;
        this.sql = sql;
    }

    /** Changed rows whose versions replays have decoded to rebuild index entries, in this process. */
    public static long rowsDecodedForIndexes() {
        return ROWS_DECODED.sum();
    }

    /** Index trees replays have edited, in this process (an index taken whole from one side is not counted). */
    public static long indexTreesEdited() {
        return INDEX_TREES_EDITED.sum();
    }

    /** Tables merged so far in this process: each diffed at least one side against the base. */
    public static long tablesMerged() {
        return TABLES_MERGED.sum();
    }

    /** The merged table (ours where undecided) and what is left to resolve (null when nothing). */
    public record Result(TableValue merged, TableConflicts conflicts) {
    }

    /**
     * Merges {@code theirs} into {@code ours} relative to {@code base} (null when both sides created the table).
     * The hashes are recorded in the conflicts so the user can resolve to one side later.
     */
    public Result merge(String name, Hash baseHash, TableValue base, Hash oursHash, TableValue ours, Hash theirsHash,
                        TableValue theirs) {
        TABLES_MERGED.increment();
        // columns whose tags were set apart by hand on one side are matched by name (TagAlignment)
        TableValue o = base == null ? ours : TagAlignment.align(base.schema(), ours);
        TableValue t = TagAlignment.align(o.schema(),
                base == null ? theirs : TagAlignment.align(base.schema(), theirs));
        return mergeAligned(name, baseHash, base, oursHash, o, theirsHash, t);
    }

    private Result mergeAligned(String name, Hash baseHash, TableValue base, Hash oursHash, TableValue ours,
                                Hash theirsHash, TableValue theirs) {
        TableSchema baseSchema = base == null ? ours.schema() : base.schema();
        SchemaMerger.Result sm = base == null
                ? (ours.schema().equals(theirs.schema()) ? new SchemaMerger.Result(ours.schema(), null)
                        : new SchemaMerger.Result(null, "table created on both sides with different schemas"))
                : SchemaMerger.merge(baseSchema, ours.schema(), theirs.schema());
        if (sm.isConflict()) {
            return new Result(ours, new TableConflicts(name, baseHash, oursHash, theirsHash, null, 0, null, 0,
                    sm.conflict()));
        }
        TableSchema schema = sm.schema();
        if (base != null && base.schema().equals(ours.schema()) && base.schema().equals(theirs.schema())) {
            // one schema on all three sides: the codecs kept for ours' schema chunk serve (SchemaCodecs)
            Result replayed = replayTheirs(name, baseHash, base, oursHash, ours, theirsHash, theirs,
                    SchemaCodecs.of(ours));
            if (replayed != null) {
                return replayed;
            }
        }
        RowCodec codec = new RowCodec(schema);
        Hash baseRows = base == null ? ProllyMap.empty(out).root() : inSchema(base, schema);
        Hash ourRows = inSchema(ours, schema);
        Hash theirRows = inSchema(theirs, schema);
        MergeResult mr = codec.keyless()
                ? mergeKeyless(ProllyMap.load(out, baseRows), ProllyMap.load(out, ourRows),
                        ProllyMap.load(out, theirRows))
                : ProllyMap.merge(ProllyMap.load(out, baseRows), ProllyMap.load(out, ourRows),
                        ProllyMap.load(out, theirRows), out, new CellMerger(codec, schema, sql));
        if (base != null && !codec.keyless()) {
            mr = withDroppedColumnChanges(mr, DroppedColumnChanges.keys(base, ours, theirs, schema, out), baseRows,
                    ourRows, theirRows);
        }
        long ai = Math.max(ours.autoIncrement(), theirs.autoIncrement());
        TableValue merged;
        if (schema.equals(ours.schema())) {
            merged = IndexRebuilder.update(out, ours, mr.merged().root(), ai);
        } else {
            merged = IndexRebuilder.rebuild(out, new TableValue(schema, mr.merged().root(), Map.of(), ai));
        }
        Hash conflictMap = null;
        if (mr.hasConflicts()) {
            MapEdits edits = new MapEdits();
            for (MergeConflict c : mr.conflicts()) {
                edits.put(c.key(), ConflictCodec.encode(c.base(), c.ours(), c.theirs()));
            }
            conflictMap = ProllyMap.empty(out).edit(edits, out).root();
        }
        // a unique index new to our side must hold for every row, not only for the rows the merge changed
        boolean newUnique = merged.schema().indexes().stream().filter(IndexDef::unique)
                .anyMatch(ix -> !ours.schema().indexes().contains(ix));
        Map<byte[], String> violations = uniqueViolations(merged,
                newUnique ? ProllyMap.empty(out) : ProllyMap.load(out, ourRows), codec);
        // a NOT NULL new to our side must hold for every row; otherwise only rows the merge changed can break one
        boolean newNotNull = schema.columns().stream().anyMatch(c -> !c.nullable() && ours.schema().columns()
                .stream().anyMatch(oc -> oc.tag() == c.tag() && oc.nullable()));
        Map<byte[], String> nulls = notNullViolations(merged,
                newNotNull ? ProllyMap.empty(out) : ProllyMap.load(out, ourRows), codec);
        nulls.forEach((k, v) -> violations.merge(k, v, (a, b) -> a + "; " + b));
        Hash violationMap = violationMap(violations, ProllyMap.load(out, merged.rows()));
        if (!nulls.isEmpty()) {
            // Dolt keeps a row with NULL in a NOT NULL column only in the violation record, never in the table
            MapEdits gone = new MapEdits();
            nulls.keySet().forEach(gone::delete);
            merged = IndexRebuilder.update(out, merged, ProllyMap.load(out, merged.rows()).edit(gone, out).root(),
                    merged.autoIncrement());
        }
        if (conflictMap == null && violationMap == null) {
            return new Result(merged, null);
        }
        return new Result(merged, new TableConflicts(name, baseHash, oursHash, theirsHash, conflictMap,
                mr.conflicts().size(), violationMap, violations.size(), null));
    }

    /**
     * {@code mr} with the rows at {@code keys} made conflicts (a column one side dropped, changed on the other; see
     * {@link DroppedColumnChanges}): each keeps our version in the merged table until resolved.
     */
    private MergeResult withDroppedColumnChanges(MergeResult mr, List<byte[]> keys, Hash baseRows, Hash ourRows,
                                                 Hash theirRows) {
        if (keys.isEmpty()) {
            return mr;
        }
        java.util.Set<java.nio.ByteBuffer> known = new java.util.HashSet<>();
        mr.conflicts().forEach(c -> known.add(java.nio.ByteBuffer.wrap(c.key())));
        List<MergeConflict> conflicts = new ArrayList<>(mr.conflicts());
        ProllyMap b = ProllyMap.load(out, baseRows);
        ProllyMap o = ProllyMap.load(out, ourRows);
        ProllyMap t = ProllyMap.load(out, theirRows);
        MapEdits edits = new MapEdits();
        for (byte[] key : keys) {
            if (!known.add(java.nio.ByteBuffer.wrap(key))) {
                continue;
            }
            byte[] ourRow = o.get(key);
            conflicts.add(new MergeConflict(key, b.get(key), ourRow, t.get(key)));
            if (ourRow == null) {
                edits.delete(key);
            } else {
                edits.put(key, ourRow);
            }
        }
        conflicts.sort((x, y) -> Arrays.compareUnsigned(x.key(), y.key()));
        return new MergeResult(mr.merged().edit(edits, out), conflicts);
    }

    /**
     * When no row that their side changed was changed on ours, the merge is ours with their row changes applied
     * and each index edited for those rows alone: the same table the cell merge and index update would build
     * (prolly trees depend only on their contents), at the cost of their changes instead of a walk of both
     * sides' differences and a second diff per index. This is the common case of a transaction commit that
     * follows a concurrent one. Null when a row overlaps (non-strict) or their side changed too much: the
     * general merge decides.
     */
    private Result replayTheirs(String name, Hash baseHash, TableValue base, Hash oursHash, TableValue ours,
                                Hash theirsHash, TableValue theirs, SchemaCodecs codecs) {
        TableSchema schema = ours.schema();
        RowCodec codec = codecs.rows();
        List<IndexCodec> indexCodecs = codecs.indexes();
        List<ProllyMap> ourIndexes = new ArrayList<>();
        for (IndexDef ix : schema.indexes()) {
            Hash h = ours.indexes().get(ix.name().toLowerCase(java.util.Locale.ROOT));
            if (h == null) {
                return null;
            }
            ourIndexes.add(ProllyMap.load(out, h));
        }
        // An index whose tree one side left as it was in base takes the other side's tree as it is, without
        // decoding a row or editing it (see IndexSource); only an index both sides changed is edited
        List<Hash> takenWhole = new ArrayList<>();
        boolean anyEdited = false;
        for (int i = 0; i < indexCodecs.size(); i++) {
            String ix = schema.indexes().get(i).name().toLowerCase(java.util.Locale.ROOT);
            Hash whole = IndexSource.takenWhole(base.indexes().get(ix), ourIndexes.get(i).root(),
                    theirs.indexes().get(ix));
            takenWhole.add(whole);
            anyEdited |= whole == null;
        }
        ProllyMap ourRows = ProllyMap.load(out, ours.rows());
        MapEdits rowEdits = new MapEdits();
        List<MapEdits> indexEdits = new ArrayList<>();
        for (int i = 0; i < indexCodecs.size(); i++) {
            indexEdits.add(new MapEdits());
        }
        Iterator<DiffEntry> d = ProllyMap.diff(ProllyMap.load(out, base.rows()), ProllyMap.load(out, theirs.rows()));
        int n = 0;
        while (d.hasNext()) {
            DiffEntry e = d.next();
            if (!strictRows && ++n > MAX_REPLAYED_ROWS) {
                return null;
            }
            if (!Arrays.equals(ourRows.get(e.key()), e.fromValue())) {
                if (!strictRows) {
                    return null;
                }
                return new Result(ours, new TableConflicts(name, baseHash, oursHash, theirsHash, null, 1, null, 0,
                        null));
            }
            if (e.toValue() == null) {
                rowEdits.delete(e.key());
            } else {
                rowEdits.put(e.key(), e.toValue());
            }
            if (anyEdited) {
                Object[] from = e.fromValue() == null ? null : codec.decode(e.key(), e.fromValue());
                Object[] to = e.toValue() == null ? null : codec.decode(e.key(), e.toValue());
                ROWS_DECODED.increment();
                for (int i = 0; i < indexCodecs.size(); i++) {
                    if (takenWhole.get(i) != null) {
                        continue;
                    }
                    IndexCodec ic = indexCodecs.get(i);
                    // deletes first: when an entry is both old and new the later put wins
                    if (from != null) {
                        for (byte[] oldEntry : ic.keys(from)) {
                            indexEdits.get(i).delete(oldEntry);
                        }
                    }
                    if (to != null) {
                        for (byte[] newEntry : ic.keys(to)) {
                            indexEdits.get(i).put(newEntry, ic.value());
                        }
                    }
                }
            }
        }
        Map<String, Hash> indexes = new java.util.HashMap<>();
        for (int i = 0; i < indexCodecs.size(); i++) {
            String ix = schema.indexes().get(i).name().toLowerCase(java.util.Locale.ROOT);
            if (takenWhole.get(i) != null) {
                indexes.put(ix, takenWhole.get(i));
            } else if (indexEdits.get(i).isEmpty()) {
                indexes.put(ix, ourIndexes.get(i).root());
            } else {
                INDEX_TREES_EDITED.increment();
                indexes.put(ix, ourIndexes.get(i).edit(indexEdits.get(i), out).root());
            }
        }
        Hash rows = rowEdits.isEmpty() ? ours.rows() : ourRows.edit(rowEdits, out).root();
        // ours' value with the new trees keeps the address of the (unchanged) schema chunk, so writing it does not
        // encode, hash and store the schema again
        TableValue merged = ours.withTrees(rows, indexes)
                .withAutoIncrement(Math.max(ours.autoIncrement(), theirs.autoIncrement()));
        Map<byte[], String> violations = uniqueViolations(merged, ourRows, codec);
        if (violations.isEmpty()) {
            return new Result(merged, null);
        }
        return new Result(merged, new TableConflicts(name, baseHash, oursHash, theirsHash, null, 0,
                violationMap(violations, ProllyMap.load(out, merged.rows())), violations.size(), null));
    }

    /** The violation map for {@code found} (row key → description), each entry holding a copy of its row. */
    private Hash violationMap(Map<byte[], String> found, ProllyMap rows) {
        if (found.isEmpty()) {
            return null;
        }
        MapEdits edits = new MapEdits();
        found.forEach((k, v) -> edits.put(k, ViolationRecord.encode(v, rows.get(k))));
        return ProllyMap.empty(out).edit(edits, out).root();
    }

    /**
     * Keyless rows are keyed by their content, so a row is one key with a duplicate count. A key only their side
     * changed takes their count; a key both sides changed is a cardinality conflict, even when both made the same
     * change (both inserted one more copy of a row): Dolt's rule, since two identical copies and one copy inserted
     * twice cannot be told apart, and adding the counts up would guess.
     */
    private MergeResult mergeKeyless(ProllyMap base, ProllyMap ours, ProllyMap theirs) {
        if (base.root().equals(theirs.root())) {
            return new MergeResult(ours, List.of());
        }
        if (base.root().equals(ours.root())) {
            return new MergeResult(theirs, List.of());
        }
        MapEdits edits = new MapEdits();
        List<MergeConflict> conflicts = new ArrayList<>();
        Iterator<DiffEntry> changes = ProllyMap.diff(base, theirs);
        while (changes.hasNext()) {
            DiffEntry change = changes.next();
            byte[] ourValue = ours.get(change.key());
            if (!Arrays.equals(ourValue, change.fromValue())) {
                conflicts.add(new MergeConflict(change.key(), change.fromValue(), ourValue, change.toValue()));
            } else if (change.toValue() == null) {
                edits.delete(change.key());
            } else {
                edits.put(change.key(), change.toValue());
            }
        }
        return new MergeResult(edits.isEmpty() ? ours : ours.edit(edits, out), conflicts);
    }

    /**
     * Rows the merge brought in (relative to {@code ours}) holding NULL in a NOT NULL column: one side made the
     * column NOT NULL while the other wrote NULLs into it. Recorded as Dolt's "not null" violation naming the
     * columns; the caller takes the row out of the table (the record keeps a copy).
     */
    private Map<byte[], String> notNullViolations(TableValue merged, ProllyMap ours, RowCodec codec) {
        Map<byte[], String> found = new java.util.TreeMap<>(dev.scion.storage.tuple.KeyBytes.ORDER);
        List<Integer> notNull = new ArrayList<>();
        for (int i = 0; i < merged.schema().columns().size(); i++) {
            if (!merged.schema().columns().get(i).nullable()) {
                notNull.add(i);
            }
        }
        if (notNull.isEmpty()) {
            return found;
        }
        Iterator<DiffEntry> d = ProllyMap.diff(ours, ProllyMap.load(out, merged.rows()));
        while (d.hasNext()) {
            DiffEntry e = d.next();
            if (e.toValue() == null) {
                continue;
            }
            Object[] row = codec.decode(e.key(), e.toValue());
            List<String> nulls = notNull.stream().filter(i -> row[i] == null)
                    .map(i -> merged.schema().columns().get(i).name()).toList();
            if (!nulls.isEmpty()) {
                found.put(e.key(), notNullDescription(nulls));
            }
        }
        return found;
    }

    /** The text recorded for a row with NULLs in these NOT NULL columns: "not null" and Dolt's info object. */
    public static String notNullDescription(List<String> columns) {
        StringBuilder sb = new StringBuilder("not null {\"Columns\": [");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
        }
        return sb.append("]}").toString();
    }

    private Hash inSchema(TableValue t, TableSchema schema) {
        if (t.schema().equals(schema)) {
            return t.rows();
        }
        return new RowRemapper(t.schema(), schema).remapAll(out, t.rows());
    }

    /**
     * Rows the merge brought in (relative to ours) whose unique-index values another row also holds. Both rows
     * stay in the table; the violation is recorded against each.
     */
    private Map<byte[], String> uniqueViolations(TableValue merged, ProllyMap ours, RowCodec codec) {
        Map<byte[], String> found = new java.util.TreeMap<>(dev.scion.storage.tuple.KeyBytes.ORDER);
        List<IndexDef> unique = merged.schema().indexes().stream().filter(IndexDef::unique).toList();
        if (unique.isEmpty()) {
            return found;
        }
        ProllyMap rows = ProllyMap.load(out, merged.rows());
        Iterator<DiffEntry> d = ProllyMap.diff(ours, rows);
        while (d.hasNext()) {
            DiffEntry e = d.next();
            if (e.toValue() == null) {
                continue;
            }
            Object[] row = codec.decode(e.key(), e.toValue());
            for (IndexDef ix : unique) {
                IndexCodec ic = codec.indexCodec(ix);
                Object[] values = ic.indexValues(row);
                if (Arrays.stream(values).anyMatch(Objects::isNull)) {
                    continue;
                }
                ProllyMap index = ProllyMap.load(out, merged.indexes().get(ix.name().toLowerCase()));
                List<byte[]> holders = new ArrayList<>();
                try (ProllyCursor c = index.cursor(KeyRange.prefix(ic.prefix(values)), false)) {
                    while (c.next()) {
                        holders.add(ic.rowKey(c.key()));
                    }
                }
                if (holders.size() > 1) {
                    String what = "unique index '" + ix.name() + "' violated by " + Arrays.toString(values);
                    for (byte[] h : holders) {
                        found.merge(h, what, (a, b) -> a.equals(b) ? a : a + "; " + b);
                    }
                }
            }
        }
        return found;
    }
}
