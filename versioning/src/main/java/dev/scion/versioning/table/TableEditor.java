package dev.scion.versioning.table;


import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.AutoIncrementValue;
import dev.scion.versioning.model.TableValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Accumulates row writes against one table value and applies them in one pass per tree when finished. Reads
 * through the editor see its own pending writes, so a statement sees rows it wrote earlier. Secondary indexes
 * and unique constraints are maintained here so every writer gets them alike.
 */
public final class TableEditor {
    private static final byte[] DELETED = new byte[0];
    /** In {@link #baseRows}: the base has no row with this key. */
    private static final byte[] ABSENT = new byte[0];
    /** Lookups {@link #pendingChanges} made in the base's trees (an operation count for regression checks). */
    private static final LongAdder BASE_LOOKUPS = new LongAdder();

    private final String tableName;
    private final TableValue base;
    private final ChunkBuffer out;
    private final RowCodec codec;
    /** The rows as of the last {@link #finish} (the base's at first); pending writes go on top. */
    private ProllyMap rows;
    private final TreeMap<byte[], byte[]> pendingRows = new TreeMap<>(KeyBytes.ORDER);
    /**
     * Base rows the writes have read so far (ABSENT where the base has none), while {@link #rows} is still the
     * base's tree: every write reads its row before changing it, so {@link #pendingChanges} finds here the before
     * value it would otherwise look up in the tree again.
     */
    private final TreeMap<byte[], byte[]> baseRows = new TreeMap<>(KeyBytes.ORDER);
    private final List<IndexState> indexes = new ArrayList<>();
    private long autoIncrement;

    /**
     * One index's tree and pending entries. The tree is loaded when first read: a one-row write that takes its old
     * entries from the row it read and the snapshot's entries from the rows it remembers reads no index tree, and its
     * editor (one per statement) would otherwise load the root node of every index.
     */
    private static final class IndexState {
        final IndexCodec codec;
        /** The tree, or null until read; then {@link #root} names it (null: the base has none, an empty one is built). */
        private ProllyMap map;
        private final Hash root;
        private final ChunkBuffer out;
        final TreeMap<byte[], byte[]> pending = new TreeMap<>(KeyBytes.ORDER);
        /** The key of the row each pending entry was written for (tables with a primary key only). */
        final TreeMap<byte[], byte[]> rowOf = new TreeMap<>(KeyBytes.ORDER);
        /** The entries of base rows a write removed, by row key: the base's entries for that row. */
        final TreeMap<byte[], List<byte[]>> baseEntries = new TreeMap<>(KeyBytes.ORDER);

        IndexState(IndexCodec codec, Hash root, ChunkBuffer out) {
            this.codec = codec;
            this.root = root;
            this.out = out;
        }

        private IndexState(IndexState from) {
            this.codec = from.codec;
            this.root = from.root;
            this.out = from.out;
            this.map = from.map;
        }

        ProllyMap map() {
            if (map == null) {
                map = root == null ? ProllyMap.empty(out) : ProllyMap.load(out, root);
            }
            return map;
        }

        /** The tree's root address without loading it; null while the base's missing tree is not built. */
        Hash rootAddress() {
            return map != null ? map.root() : root;
        }

        /** Applies the pending entries, or leaves an unread tree unread when there are none. */
        void finish(TableEditor editor) {
            if (map == null && root != null && pending.isEmpty()) {
                return;
            }
            map = editor.apply(map(), pending);
        }

        IndexState copy() {
            IndexState c = new IndexState(this);
            c.pending.putAll(pending);
            c.rowOf.putAll(rowOf);
            c.baseEntries.putAll(baseEntries);
            return c;
        }
    }

    public TableEditor(String tableName, TableValue base, ChunkBuffer out) {
        this.tableName = tableName;
        this.base = base;
        this.out = out;
        SchemaCodecs codecs = SchemaCodecs.of(base);
        this.codec = codecs.rows();
        this.rows = ProllyMap.load(out, base.rows());
        this.autoIncrement = base.autoIncrement();
        for (IndexCodec ixCodec : codecs.indexes()) {
            indexes.add(new IndexState(ixCodec, base.indexes().get(ixCodec.index().name().toLowerCase()), out));
        }
    }

    private TableEditor(TableEditor from) {
        this.tableName = from.tableName;
        this.base = from.base;
        this.out = from.out;
        this.codec = from.codec;
        this.rows = from.rows;
        this.pendingRows.putAll(from.pendingRows);
        this.baseRows.putAll(from.baseRows);
        for (IndexState ix : from.indexes) {
            indexes.add(ix.copy());
        }
        this.autoIncrement = from.autoIncrement;
    }

    /**
     * An editor that starts where this one is, pending writes included, and changes independently of it (the trees
     * are immutable and shared; the pending writes are copied). A statement edits a fork of its transaction's
     * editor, so that a failed statement leaves the transaction's pending writes as they were.
     */
    public TableEditor fork() {
        return new TableEditor(this);
    }

    /** Pending writes not yet applied to the trees, over the rows and every index: what a {@link #fork} copies. */
    public int pendingCount() {
        int n = pendingRows.size();
        for (IndexState ix : indexes) {
            n += ix.pending.size();
        }
        return n;
    }

    public RowCodec codec() {
        return codec;
    }

    public String tableName() {
        return tableName;
    }

    /** The current row with this key, including this editor's pending writes; null if absent. */
    public Object[] getByKey(byte[] key) {
        byte[] v = rawGet(key);
        return v == null ? null : codec.decode(key, v);
    }

    private byte[] rawGet(byte[] key) {
        byte[] p = pendingRows.get(key);
        if (p != null) {
            return p == DELETED ? null : p;
        }
        byte[] seen = baseRows.get(key);
        if (seen != null) {
            return seen == ABSENT ? null : seen;
        }
        byte[] v = rows.get(key);
        if (rows.root().equals(base.rows())) {
            baseRows.put(key, v == null ? ABSENT : v);
        }
        return v;
    }

    /** Inserts a row; fails with DuplicateKeyException if the key or a unique index value is taken. */
    public void insert(Object[] row) {
        byte[] key = codec.key(row);
        if (codec.keyless()) {
            byte[] existing = rawGet(key);
            long count = existing == null ? 0 : codec.count(existing);
            checkUnique(row, null);
            pendingRows.put(key, codec.value(row, count + 1));
            if (existing == null) {
                addIndexEntries(row, null);
            }
            return;
        }
        if (rawGet(key) != null) {
            throw new DuplicateKeyException(tableName + ".PRIMARY", describeKey(key, row));
        }
        checkUnique(row, key);
        pendingRows.put(key, codec.value(row));
        addIndexEntries(row, key);
    }

    /** Replaces the row {@code oldRow} (which must exist) with {@code newRow}; the key may change. */
    public void update(Object[] oldRow, Object[] newRow) {
        byte[] oldKey = codec.key(oldRow);
        byte[] newKey = codec.key(newRow);
        if (codec.keyless()) {
            // refuse a duplicate before taking the old row out, so a failed (or IGNOREd) update leaves it in place
            checkUnique(newRow, oldKey);
            delete(oldRow);
            insert(newRow);
            return;
        }
        boolean keyChanged = !Arrays.equals(oldKey, newKey);
        if (keyChanged && rawGet(newKey) != null) {
            throw new DuplicateKeyException(tableName + ".PRIMARY", describeKey(newKey, newRow));
        }
        checkUnique(newRow, oldKey);
        removeIndexEntries(oldRow, oldKey, isUnwrittenBaseRow(oldKey));
        if (keyChanged) {
            pendingRows.put(oldKey, DELETED);
        }
        pendingRows.put(newKey, codec.value(newRow));
        addIndexEntries(newRow, newKey);
    }

    /** Deletes one occurrence of the row; returns false if it was not there. */
    public boolean delete(Object[] row) {
        byte[] key = codec.key(row);
        byte[] existing = rawGet(key);
        if (existing == null) {
            return false;
        }
        if (codec.keyless()) {
            long count = codec.count(existing);
            if (count > 1) {
                pendingRows.put(key, codec.value(row, count - 1));
                return true;
            }
        }
        Object[] stored = codec.decode(key, existing);
        removeIndexEntries(stored, codec.keyless() ? null : key, !codec.keyless() && isUnwrittenBaseRow(key));
        pendingRows.put(key, DELETED);
        return true;
    }

    public long autoIncrement() {
        return autoIncrement;
    }

    /** Makes the next generated value at least {@code next} (unsigned, {@link AutoIncrementValue}). */
    public void raiseAutoIncrement(long next) {
        if (AutoIncrementValue.above(next, autoIncrement)) {
            autoIncrement = next;
        }
    }

    /** Takes the next auto-increment value; the counter stays at {@link AutoIncrementValue#LAST} once there. */
    public long nextAutoIncrement() {
        long v = AutoIncrementValue.larger(autoIncrement, 1);
        autoIncrement = AutoIncrementValue.after(v);
        return v;
    }

    /** Whether {@link #finish} gives a table value other than the one the editor started from. */
    public boolean hasPendingWrites() {
        return !pendingRows.isEmpty() || !rows.root().equals(base.rows()) || autoIncrement != base.autoIncrement();
    }

    /**
     * The stored row that {@link #insert} of {@code row} would collide with: the row with the same primary key,
     * else the first row with the same values in a unique index; null when the insert would succeed. INSERT ...
     * ON DUPLICATE KEY UPDATE and REPLACE act on this row.
     */
    public Object[] conflicting(Object[] row) {
        if (!codec.keyless()) {
            Object[] same = getByKey(codec.key(row));
            if (same != null) {
                return same;
            }
        }
        for (IndexState ix : indexes) {
            if (!ix.codec.index().unique()) {
                continue;
            }
            Object[] values = ix.codec.indexValues(row);
            if (Arrays.stream(values).anyMatch(v -> v == null)) {
                continue;
            }
            for (byte[] k : indexKeysWithPrefix(ix, ix.codec.prefix(values))) {
                Object[] other = getByKey(ix.codec.rowKey(k));
                if (other != null) {
                    return other;
                }
            }
        }
        return null;
    }

    private void checkUnique(Object[] row, byte[] ownKey) {
        for (IndexState ix : indexes) {
            if (!ix.codec.index().unique()) {
                continue;
            }
            Object[] values = ix.codec.indexValues(row);
            if (Arrays.stream(values).anyMatch(v -> v == null)) {
                continue;
            }
            byte[] prefix = ix.codec.prefix(values);
            for (byte[] k : indexKeysWithPrefix(ix, prefix)) {
                byte[] rk = ix.codec.rowKey(k);
                if (ownKey == null || !Arrays.equals(rk, ownKey)) {
                    throw new DuplicateKeyException(tableName + "." + ix.codec.index().name(),
                            describe(ix.codec.keyedValues(values)));
                }
            }
        }
    }

    private List<byte[]> indexKeysWithPrefix(IndexState ix, byte[] prefix) {
        List<byte[]> found = new ArrayList<>();
        byte[] end = KeyPrefix.end(prefix);
        Map<byte[], byte[]> pendingInRange = end == null ? ix.pending.tailMap(prefix, true)
                : ix.pending.subMap(prefix, true, end, false);
        try (ProllyCursor c = ix.map().cursor(KeyRange.prefix(prefix), false)) {
            while (c.next()) {
                byte[] p = ix.pending.get(c.key());
                if (p != DELETED) {
                    found.add(c.key());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<byte[], byte[]> e : pendingInRange.entrySet()) {
            if (e.getValue() != DELETED && ix.map().get(e.getKey()) == null) {
                found.add(e.getKey());
            }
        }
        return found;
    }

    /** Puts {@code row}'s index entries; {@code rowKey} is its primary key, null for a keyless table. */
    private void addIndexEntries(Object[] row, byte[] rowKey) {
        for (IndexState ix : indexes) {
            for (byte[] k : ix.codec.keys(row)) {
                ix.pending.put(k, ix.codec.value());
                noteRow(ix, k, rowKey);
            }
        }
    }

    /**
     * Deletes {@code row}'s index entries; when it is the base's row, not written since ({@code baseRow}), they are
     * the base's entries for its key, which {@link #pendingChanges} then takes from here.
     */
    private void removeIndexEntries(Object[] row, byte[] rowKey, boolean baseRow) {
        for (IndexState ix : indexes) {
            List<byte[]> keys = ix.codec.keys(row);
            for (byte[] k : keys) {
                ix.pending.put(k, DELETED);
                noteRow(ix, k, rowKey);
            }
            if (baseRow) {
                ix.baseEntries.putIfAbsent(rowKey, keys);
            }
        }
    }

    /** Whether the row with {@code key} is as the base holds it (read from the base, not written by this editor). */
    private boolean isUnwrittenBaseRow(byte[] key) {
        byte[] seen = baseRows.get(key);
        return seen != null && seen != ABSENT && !pendingRows.containsKey(key);
    }

    private static void noteRow(IndexState ix, byte[] entry, byte[] rowKey) {
        if (rowKey == null) {
            ix.rowOf.remove(entry);
        } else {
            ix.rowOf.put(entry, rowKey);
        }
    }

    /** The primary-key part of a 1062 message: the new row's text where the key holds only sort keys. */
    private String describeKey(byte[] key, Object[] row) {
        return describe(codec.sortKeyedKey() ? codec.keyValues(row) : codec.keyDescriptor().decodeKey(key));
    }

    private static String describe(Object[] values) {
        return Arrays.stream(values).map(v -> v == null ? "NULL" : v instanceof byte[] b ? new String(b)
                : v.toString()).collect(Collectors.joining("-"));
    }

    /**
     * Applies every pending write and returns the new table value; the editor can keep being used. The applied
     * writes become the editor's new starting trees, so a statement that finishes after each row (to show its
     * triggers the rows written so far) applies each write once rather than all earlier ones again.
     */
    public TableValue finish() {
        rows = apply(rows, pendingRows);
        if (!rows.root().equals(base.rows())) {
            baseRows.clear();
        }
        Map<String, Hash> idx = new HashMap<>(base.indexes());
        for (IndexState ix : indexes) {
            ix.rowOf.clear();
            ix.baseEntries.clear();
            ix.finish(this);
            idx.put(ix.codec.index().name().toLowerCase(), ix.rootAddress());
        }
        return base.withTrees(rows.root(), idx).withAutoIncrement(autoIncrement); // keeps the schema's chunk address
    }

    /**
     * What the pending writes change in the table value the editor started from, each one compared with the
     * base's version, without building anything. Null once {@link #finish} moved the editor's trees past the base's,
     * or when the base lacks an index tree its schema names: the changes would then not be relative to the base
     * value.
     *
     * <p>The base's version of a row is the one the writes read ({@link #baseRows}); only a row they did not read is
     * looked up. The base's index entries for such a row follow from it, since a table's index entries are its rows'
     * entries: none where the base had no row, else the entries the stored row gives: those a write removed with it,
     * or else made from the stored row ({@link SnapshotRows}).
     */
    public TableChanges pendingChanges() {
        if (!rows.root().equals(base.rows())) {
            return null;
        }
        List<TableChanges.Row> changed = new ArrayList<>(pendingRows.size());
        for (Map.Entry<byte[], byte[]> e : pendingRows.entrySet()) {
            byte[] before = baseRow(e.getKey());
            byte[] after = e.getValue() == DELETED ? null : e.getValue();
            if (!Arrays.equals(before, after)) {
                changed.add(new TableChanges.Row(e.getKey(), before, after));
            }
        }
        SnapshotRows snapshot = new SnapshotRows();
        List<TableChanges.IndexEntries> entries = new ArrayList<>(indexes.size());
        for (IndexState ix : indexes) {
            String name = ix.codec.index().name().toLowerCase();
            Hash tree = base.indexes().get(name);
            if (tree == null || !tree.equals(ix.rootAddress())) {
                return null;
            }
            List<byte[]> keys = new ArrayList<>(ix.pending.size());
            List<byte[]> values = new ArrayList<>(ix.pending.size());
            for (Map.Entry<byte[], byte[]> e : ix.pending.entrySet()) {
                byte[] after = e.getValue() == DELETED ? null : e.getValue();
                if (!Arrays.equals(baseEntry(ix, e.getKey(), snapshot), after)) {
                    keys.add(e.getKey());
                    values.add(after);
                }
            }
            entries.add(new TableChanges.IndexEntries(name, keys, values));
        }
        return new TableChanges(base, changed, entries, autoIncrement);
    }

    /** Lookups {@link #pendingChanges} has made in base trees, over every editor: an operation count for tests. */
    public static long baseLookups() {
        return BASE_LOOKUPS.sum();
    }

    /** The base's value of the row with {@code key}, or null: as read by a write, else looked up. */
    private byte[] baseRow(byte[] key) {
        byte[] seen = baseRows.get(key);
        if (seen != null) {
            return seen == ABSENT ? null : seen;
        }
        BASE_LOOKUPS.increment();
        return rows.get(key);
    }

    /** The base's value of index entry {@code entry}, or null. */
    private byte[] baseEntry(IndexState ix, byte[] entry, SnapshotRows snapshot) {
        byte[] rowKey = ix.rowOf.get(entry);
        byte[] row = rowKey == null || ix.codec.index().fulltext() ? null : baseRows.get(rowKey);
        if (row == null) {
            BASE_LOOKUPS.increment();
            return ix.map().get(entry);
        }
        if (row == ABSENT) {
            return null;
        }
        for (byte[] k : snapshot.entries(ix, rowKey, row)) {
            if (Arrays.equals(k, entry)) {
                return ix.codec.value();
            }
        }
        return null;
    }

    /**
     * The index entries of base rows the writes read, each row decoded (its indexed columns) once and each index's
     * entries for it made once: what a {@link #pendingChanges} call needs of a row it did not look up.
     */
    private final class SnapshotRows {
        private Map<byte[], Object[]> decoded;
        private Map<IndexState, Map<byte[], List<byte[]>>> entries;

        List<byte[]> entries(IndexState ix, byte[] rowKey, byte[] stored) {
            List<byte[]> removed = ix.baseEntries.get(rowKey);
            if (removed != null) {
                return removed; // the writes removed them, so they were at hand
            }
            if (entries == null) {
                entries = new java.util.IdentityHashMap<>();
                decoded = new TreeMap<>(KeyBytes.ORDER);
            }
            Map<byte[], List<byte[]>> ofIndex = entries.computeIfAbsent(ix, i -> new TreeMap<>(KeyBytes.ORDER));
            List<byte[]> known = ofIndex.get(rowKey);
            if (known == null) {
                Object[] values = decoded.computeIfAbsent(rowKey, k -> codec.decode(k, stored, indexedFields()));
                known = ix.codec.keys(values);
                ofIndex.put(rowKey, known);
            }
            return known;
        }
    }

    /** The value fields a row's index entries are made of, for a partial decode (null: every field). */
    private boolean[] indexedFields() {
        boolean[] columns = new boolean[codec.schema().columns().size()];
        for (IndexState ix : indexes) {
            for (int c : ix.codec.indexColumns()) {
                columns[c] = true;
            }
        }
        return codec.valueFieldsFor(columns);
    }

    /** {@code map} with {@code pending} applied; empties {@code pending}. */
    private ProllyMap apply(ProllyMap map, TreeMap<byte[], byte[]> pending) {
        if (pending.isEmpty()) {
            return map;
        }
        MapEdits edits = new MapEdits();
        for (Map.Entry<byte[], byte[]> e : pending.entrySet()) {
            if (e.getValue() == DELETED) {
                edits.delete(e.getKey());
            } else {
                edits.put(e.getKey(), e.getValue());
            }
        }
        pending.clear();
        return map.edit(edits, out);
    }
}
