package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MemoryChunkStore;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.encoding.ObjectKind;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableValueTest {
    /** A schema of {@code n} columns, so its encoding is large. */
    static TableSchema wide(int n) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(new Column("column_number_" + i, ColumnType.of(TypeKind.VARCHAR, 100), i > 0, null, false,
                    "comment " + i, i + 1));
        }
        return new TableSchema(cols, List.of("column_number_0"), List.of());
    }

    @Test
    void aRowWriteReEncodesOnlyTheTreeRootsNotTheSchema() {
        MemoryChunkStore store = new MemoryChunkStore();
        Hash rows = ProllyMap.empty(store).root();
        TableValue first = new TableValue(wide(200), rows, Map.of(), 1);
        int before = store.size();
        Hash h1 = first.write(store);
        assertEquals(before + 2, store.size(), "the table chunk and its schema chunk");
        TableValue read = TableValue.decode(store.get(h1), store);
        assertEquals(first, read);

        Hash otherRows = store.put(new byte[] {0, 0, 0, 0, 0});
        int afterFirst = store.size();
        Hash h2 = read.withRows(otherRows).withAutoIncrement(7).write(store);
        assertEquals(afterFirst + 1, store.size(), "a row edit writes the table chunk alone");
        byte[] chunk = store.get(h2);
        System.out.println("FIGURE bytes of a table value chunk (200-column schema, no index) = " + chunk.length);
        assertTrue(chunk.length < 64, "the table chunk holds no schema: " + chunk.length + " bytes");
        assertEquals(TableValue.references(store.get(h1)).schema(), TableValue.references(chunk).schema());
        assertEquals(7, TableValue.decode(chunk, store).autoIncrement());
    }

    @Test
    void formatOneTablesAreRead() {
        MemoryChunkStore store = new MemoryChunkStore();
        TableValue t = new TableValue(TestRepo.people(true), Hash.of("rows".getBytes(StandardCharsets.UTF_8)),
                Map.of("uq_name", Hash.of("index".getBytes(StandardCharsets.UTF_8))), 42);
        byte[] old = t.encodeFormatOne();
        assertEquals(ObjectKind.TABLE.tag(), old[0]);
        assertEquals(t, TableValue.decode(old, store));
        TableValue.References refs = TableValue.references(old);
        assertNull(refs.schema());
        assertEquals(t.rows(), refs.rows());
        assertEquals(t.indexes(), refs.indexes());
        // written back, it is format 2 with its schema in a chunk of its own
        Hash h = TableValue.decode(old, store).write(store);
        assertEquals(ObjectKind.TABLE_REF.tag(), store.get(h)[0]);
        assertEquals(t, TableValue.decode(store.get(h), store));
    }
}
