package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.CorruptObjectException;
import dev.scion.versioning.encoding.ObjectKind;
import dev.scion.versioning.encoding.SchemaCodec;
import dev.scion.versioning.schema.TableSchema;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An immutable table: schema, the row tree, one tree per secondary index (keyed by index name in lower case)
 * and the next auto-increment value. Its chunk hash is what {@code dolt_hashof_table} reports.
 *
 * <p>Stored (format 2) as a small chunk that names the schema's own chunk by address, so a row write re-encodes
 * only the tree roots and the counter, and every version of a table shares one schema chunk. Format 1 table
 * chunks, with the schema inline, are still read.
 */
public final class TableValue {
    private final TableSchema schema;
    private final Hash rows;
    private final Map<String, Hash> indexes;
    private final long autoIncrement;
    /** The schema's chunk address when known (read from a chunk, or carried over by a row edit). */
    private final Hash schemaAddress;

    public TableValue(TableSchema schema, Hash rows, Map<String, Hash> indexes, long autoIncrement) {
        this(schema, rows, indexes, autoIncrement, null);
    }

    private TableValue(TableSchema schema, Hash rows, Map<String, Hash> indexes, long autoIncrement,
                       Hash schemaAddress) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.indexes = Map.copyOf(indexes);
        this.autoIncrement = autoIncrement;
        this.schemaAddress = schemaAddress;
    }

    public TableSchema schema() {
        return schema;
    }

    public Hash rows() {
        return rows;
    }

    public Map<String, Hash> indexes() {
        return indexes;
    }

    public long autoIncrement() {
        return autoIncrement;
    }

    /** The address of this value's schema chunk, or null while it is not known (a schema made in memory). */
    public Hash schemaAddress() {
        return schemaAddress;
    }

    public TableValue withRows(Hash newRows) {
        return new TableValue(schema, newRows, indexes, autoIncrement, schemaAddress);
    }

    /** The same table with new row and index trees (the schema, and its chunk, stay). */
    public TableValue withTrees(Hash newRows, Map<String, Hash> newIndexes) {
        return new TableValue(schema, newRows, newIndexes, autoIncrement, schemaAddress);
    }

    public TableValue withAutoIncrement(long next) {
        return new TableValue(schema, rows, indexes, next, schemaAddress);
    }

    // ---- encoding ----

    /** The chunk of a schema: columns, keys, indexes, checks, foreign keys and generated columns. */
    public static byte[] encodeSchema(TableSchema schema) {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.SCHEMA);
        SchemaCodec.write(w, schema);
        SchemaCodec.writeGenerated(w, schema);
        return w.toByteArray();
    }

    public static TableSchema decodeSchema(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.SCHEMA);
        return SchemaCodec.readGenerated(r, SchemaCodec.read(r));
    }

    /**
     * Writes this table to {@code out} and returns its address. The schema chunk is written only when this
     * value does not already know it is stored ({@code out} must be able to read the chunks this value was read
     * from, as a transaction's buffer over the store can).
     */
    public Hash write(ChunkStore out) {
        return writeAndKeep(out).address();
    }

    /** A table value as written: its address, and the same value knowing its schema chunk's address. */
    public record Written(Hash address, TableValue table) {
    }

    /**
     * Writes this table as {@link #write} does and returns it with its schema chunk's address, for callers that
     * keep the value (the repository's object cache): a value made in memory (CREATE TABLE, ALTER) does not know
     * that address, and every row write derived from it would encode, hash and store the unchanged schema again.
     */
    public Written writeAndKeep(ChunkStore out) {
        Hash schemaHash = schemaAddress;
        if (schemaHash == null || !out.has(schemaHash)) {
            schemaHash = out.put(encodeSchema(schema));
        }
        Hash address = out.put(encode(schemaHash));
        TableValue known = schemaHash.equals(schemaAddress) ? this
                : new TableValue(schema, rows, indexes, autoIncrement, schemaHash);
        return new Written(address, known);
    }

    /** The table chunk naming {@code schemaHash} (which must hold this value's schema). */
    public byte[] encode(Hash schemaHash) {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.TABLE_REF).hash(schemaHash).hash(rows);
        w.varInt(indexes.size());
        // indexes in name order; with one index (or none) there is nothing to sort, and no row write pays for it
        (indexes.size() < 2 ? indexes : new TreeMap<>(indexes)).forEach((k, v) -> w.string(k).hash(v));
        w.varLong(autoIncrement);
        return w.toByteArray();
    }

    /** The addresses a table chunk of either format refers to, without decoding its schema. */
    public record References(Hash schema, Hash rows, Map<String, Hash> indexes) {
    }

    /** The schema address (null for format 1, whose schema is inline), row tree and index trees of a chunk. */
    public static References references(byte[] chunk) {
        if (isFormatOne(chunk)) {
            TableValue t = decodeFormatOne(chunk);
            return new References(null, t.rows(), t.indexes());
        }
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.TABLE_REF);
        Hash schemaHash = r.hash();
        Hash rows = r.hash();
        return new References(schemaHash, rows, readIndexes(r));
    }

    private static boolean isFormatOne(byte[] chunk) {
        return chunk.length > 0 && chunk[0] == ObjectKind.TABLE.tag();
    }

    /**
     * Decodes a table chunk of either format. {@code schemas} turns a schema address into the schema (the
     * repository serves it from its object cache, so versions of a table share one decoded schema).
     */
    public static TableValue decode(byte[] chunk, Function<Hash, TableSchema> schemas) {
        if (isFormatOne(chunk)) {
            return decodeFormatOne(chunk);
        }
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.TABLE_REF);
        Hash schemaHash = r.hash();
        Hash rows = r.hash();
        Map<String, Hash> idx = readIndexes(r);
        long ai = r.varLong();
        TableSchema schema = schemas.apply(schemaHash);
        if (schema == null) {
            throw new CorruptObjectException("schema " + schemaHash + " of a table is missing");
        }
        return new TableValue(schema, rows, idx, ai, schemaHash);
    }

    /** Decodes a table chunk whose schema chunk (if any) is read from {@code reader}. */
    public static TableValue decode(byte[] chunk, ChunkReader reader) {
        return decode(chunk, h -> {
            byte[] s = reader.get(h);
            return s == null ? null : decodeSchema(s);
        });
    }

    private static Map<String, Hash> readIndexes(BinaryReader r) {
        int n = r.varInt();
        Map<String, Hash> idx = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(r.string(), r.hash());
        }
        return idx;
    }

    private static TableValue decodeFormatOne(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.TABLE);
        TableSchema schema = SchemaCodec.read(r);
        Hash rows = r.hash();
        Map<String, Hash> idx = readIndexes(r);
        long ai = r.varLong();
        schema = SchemaCodec.readGenerated(r, schema);
        return new TableValue(schema, rows, idx, ai);
    }

    /** Format 1 encoding, kept so tests can build repositories as older versions wrote them. */
    public byte[] encodeFormatOne() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.TABLE);
        SchemaCodec.write(w, schema);
        w.hash(rows);
        TreeMap<String, Hash> sorted = new TreeMap<>(indexes);
        w.varInt(sorted.size());
        sorted.forEach((k, v) -> w.string(k).hash(v));
        w.varLong(autoIncrement);
        SchemaCodec.writeGenerated(w, schema);
        return w.toByteArray();
    }

    /** Equal tables have equal schemas, trees and counters (the schema's chunk address is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TableValue t && t.autoIncrement == autoIncrement && t.rows.equals(rows)
                && t.indexes.equals(indexes) && t.schema.equals(schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, rows, indexes, autoIncrement);
    }

    @Override
    public String toString() {
        return "TableValue[schema=" + schema + ", rows=" + rows + ", indexes=" + indexes + ", autoIncrement="
                + autoIncrement + "]";
    }
}
