package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.SchemaCodecs;

/** The entry tree of a table's secondary index and its codec, as the index-reading operators open them. */
final class IndexTrees {
    private IndexTrees() {
    }

    /** The codec of {@code index}'s entries in {@code table}, made once per schema ({@link SchemaCodecs}). */
    static IndexCodec codec(TableValue table, IndexDef index) {
        SchemaCodecs codecs = SchemaCodecs.of(table);
        int position = table.schema().indexes().indexOf(index);
        return position >= 0 ? codecs.indexes().get(position) : codecs.rows().indexCodec(index);
    }

    /**
     * The index's tree in {@code table}. A plan names only indexes its table value has, so a missing tree means the
     * table value and the schema disagree: an internal error, not a user's.
     */
    static ProllyMap load(DatabaseState database, String tableName, TableValue table, IndexDef index) {
        Hash tree = table.indexes().get(index.name());
        if (tree == null) {
            throw new IllegalStateException("table " + tableName + " has no tree for index " + index.name());
        }
        return ProllyMap.load(database.buffer(), tree);
    }
}
