package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;
import dev.scion.versioning.encoding.SchemaCodec;
import dev.scion.versioning.schema.TableSchema;

import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable table: schema, the row tree, one tree per secondary index (keyed by index name in lower case)
 * and the next auto-increment value. Its chunk hash is what {@code dolt_hashof_table} reports.
 */
public record TableValue(TableSchema schema, Hash rows, Map<String, Hash> indexes, long autoIncrement) {

    public TableValue {
        indexes = Map.copyOf(indexes);
    }

    public TableValue withRows(Hash newRows) {
        return new TableValue(schema, newRows, indexes, autoIncrement);
    }

    public TableValue withAutoIncrement(long next) {
        return new TableValue(schema, rows, indexes, next);
    }

    public byte[] encode() {
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

    public static TableValue decode(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.TABLE);
        TableSchema schema = SchemaCodec.read(r);
        Hash rows = r.hash();
        int n = r.varInt();
        Map<String, Hash> idx = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(r.string(), r.hash());
        }
        long ai = r.varLong();
        schema = SchemaCodec.readGenerated(r, schema);
        return new TableValue(schema, rows, idx, ai);
    }
}
