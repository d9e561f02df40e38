package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a new secondary index tree from a table's existing rows. */
final class IndexBuilder {
    private IndexBuilder() {
    }

    static TableValue addIndex(DatabaseState db, TableValue table, TableSchema schema, IndexDef def) {
        RowCodec rows = new RowCodec(schema);
        IndexCodec codec = rows.indexCodec(def);
        ProllyMap data = ProllyMap.load(db.buffer(), table.rows());
        MapEdits edits = new MapEdits();
        // the encoded key parts: equal exactly when the index calls the values equal (collation, prefix)
        Set<java.nio.ByteBuffer> seen = new HashSet<>();
        try (ProllyCursor c = data.cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                Object[] row = rows.decode(c.key(), c.value());
                if (def.unique()) {
                    Object[] vals = codec.indexValues(row);
                    // a keyless table keeps equal rows as one entry with a count: a count above 1 is a duplicate
                    if (Arrays.stream(vals).noneMatch(v -> v == null)
                            && (!seen.add(java.nio.ByteBuffer.wrap(codec.prefix(vals)))
                            || (rows.keyless() && rows.count(c.value()) > 1))) {
                        String shown = Arrays.stream(codec.keyedValues(vals)).map(v -> v instanceof byte[] b
                                ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(v))
                                .collect(java.util.stream.Collectors.joining("-"));
                        throw new SqlError(ErrorCode.DUP_ENTRY, "Duplicate entry '" + shown + "' for key '"
                                + def.name() + "'");
                    }
                }
                for (byte[] k : codec.keys(row)) {
                    edits.put(k, codec.value());
                }
            }
        } catch (SqlError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ProllyMap index = ProllyMap.empty(db.buffer()).edit(edits, db.buffer());
        Map<String, dev.scion.storage.Hash> idx = new HashMap<>(table.indexes());
        idx.put(def.name().toLowerCase(), index.root());
        return new TableValue(schema, table.rows(), idx, table.autoIncrement());
    }
}
