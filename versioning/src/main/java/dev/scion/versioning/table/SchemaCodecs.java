package dev.scion.versioning.table;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The row codec of a schema and the codecs of its secondary indexes, built once per stored schema. Building them
 * (type descriptors, key and value column positions, every index's column lookups) was about 4% of a one-row
 * autocommit write, repeated by every statement's {@link TableEditor} although the schema had not changed.
 * Codecs depend on the schema alone and hold no state, so editors on any thread share them.
 */
public final class SchemaCodecs {
    /** More schemas than any server writes to at once; past it the cache starts over rather than grow. */
    private static final int MAX_CACHED = 1024;
    /** Keyed by the schema chunk's address: equal addresses mean equal schemas, so the codecs fit either. */
    private static final ConcurrentHashMap<Hash, SchemaCodecs> BY_SCHEMA_CHUNK = new ConcurrentHashMap<>();
    private static final LongAdder BUILT = new LongAdder();

    private final RowCodec rows;
    private final List<IndexCodec> indexes;

    private SchemaCodecs(TableSchema schema) {
        BUILT.increment();
        rows = new RowCodec(schema);
        List<IndexCodec> out = new ArrayList<>(schema.indexes().size());
        for (IndexDef ix : schema.indexes()) {
            out.add(rows.indexCodec(ix));
        }
        indexes = List.copyOf(out);
    }

    /**
     * The codecs of a table value's schema: cached when the value knows its schema chunk's address (every value
     * read from the store or derived from one by row writes), built afresh for a schema made in memory.
     */
    public static SchemaCodecs of(TableValue table) {
        Hash address = table.schemaAddress();
        if (address == null) {
            return new SchemaCodecs(table.schema());
        }
        SchemaCodecs known = BY_SCHEMA_CHUNK.get(address);
        if (known != null) {
            return known;
        }
        if (BY_SCHEMA_CHUNK.size() >= MAX_CACHED) {
            BY_SCHEMA_CHUNK.clear();
        }
        SchemaCodecs built = new SchemaCodecs(table.schema());
        BY_SCHEMA_CHUNK.putIfAbsent(address, built);
        return built;
    }

    /** How many times codecs were built, in this process (an operation count for the regression check). */
    public static long built() {
        return BUILT.sum();
    }

    public RowCodec rows() {
        return rows;
    }

    /** One codec per secondary index, in the order of {@link TableSchema#indexes()}. */
    public List<IndexCodec> indexes() {
        return indexes;
    }
}
