package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings secondary index maps in line with a new row map: incrementally from a table whose indexes were right
 * for its rows (cost follows the row changes), or from scratch when the schema changed.
 */
public final class IndexRebuilder {
    private IndexRebuilder() {
    }

    /**
     * The table {@code previous} with rows {@code newRows}; {@code previous.schema()} must be the schema of
     * {@code newRows} and {@code previous}'s indexes must match its rows.
     */
    public static TableValue update(ChunkStore store, TableValue previous, Hash newRows, long autoIncrement) {
        RowCodec codec = new RowCodec(previous.schema());
        Map<String, Hash> out = new HashMap<>();
        ProllyMap from = ProllyMap.load(store, previous.rows());
        ProllyMap to = ProllyMap.load(store, newRows);
        for (IndexDef ix : previous.schema().indexes()) {
            String name = ix.name().toLowerCase(Locale.ROOT);
            Hash old = previous.indexes().get(name);
            if (old == null) {
                out.put(name, buildIndex(store, codec, ix, newRows));
                continue;
            }
            IndexCodec ic = codec.indexCodec(ix);
            MapEdits edits = new MapEdits();
            Iterator<DiffEntry> d = ProllyMap.diff(from, to);
            while (d.hasNext()) {
                DiffEntry e = d.next();
                if (e.fromValue() != null) {
                    for (byte[] k : ic.keys(codec.decode(e.key(), e.fromValue()))) {
                        edits.delete(k);
                    }
                }
                if (e.toValue() != null) { // after the deletes: a later edit of the same key wins
                    for (byte[] k : ic.keys(codec.decode(e.key(), e.toValue()))) {
                        edits.put(k, ic.value());
                    }
                }
            }
            out.put(name, ProllyMap.load(store, old).edit(edits, store).root());
        }
        return previous.withTrees(newRows, out).withAutoIncrement(autoIncrement);
    }

    /** Every index of the table built from its rows. */
    public static TableValue rebuild(ChunkStore store, TableValue table) {
        RowCodec codec = new RowCodec(table.schema());
        Map<String, Hash> out = new HashMap<>();
        for (IndexDef ix : table.schema().indexes()) {
            out.put(ix.name().toLowerCase(Locale.ROOT), buildIndex(store, codec, ix, table.rows()));
        }
        return table.withTrees(table.rows(), out);
    }

    private static Hash buildIndex(ChunkStore store, RowCodec codec, IndexDef ix, Hash rows) {
        IndexCodec ic = codec.indexCodec(ix);
        TreeMap<byte[], byte[]> entries = new TreeMap<>(KeyBytes.ORDER);
        try (ProllyCursor c = ProllyMap.load(store, rows).cursor()) {
            while (c.next()) {
                for (byte[] k : ic.keys(codec.decode(c.key(), c.value()))) {
                    entries.put(k, ic.value());
                }
            }
        }
        return ProllyMap.build(store, entries.entrySet().iterator()).root();
    }
}
