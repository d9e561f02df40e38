package dev.scion.versioning.table;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row keys of a collated primary key: sort keys in the key, the text kept in the value, index entries leading back. */
class CollatedPrimaryKeyTest {
    private static final IndexDef BY_N = new IndexDef("n", List.of("n"), false, false, List.of(), true);

    private static TableSchema schema(boolean collated) {
        return new TableSchema(List.of(
                new Column("id", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
                new Column("name", ColumnType.of(TypeKind.VARCHAR, 20).withCollation("utf8mb4_general_ci"), false,
                        null, false, null, 2),
                new Column("n", ColumnType.of(TypeKind.INT), true, null, false, null, 3),
                new Column("note", ColumnType.of(TypeKind.VARCHAR, 20), true, null, false, null, 4)),
                List.of("id", "name"), List.of(BY_N), List.of(), List.of(), null, collated);
    }

    @Test
    void caseAndTrailingSpacesGiveOneKeyAndTheRowKeepsItsText() {
        RowCodec codec = new RowCodec(schema(true));
        Object[] row = {1L, "Abc ", 5L, null};
        byte[] key = codec.key(row);
        assertArrayEquals(key, codec.key(new Object[] {1L, "aBC", 9L, "x"}));
        assertFalse(Arrays.equals(key, codec.key(new Object[] {2L, "abc", 5L, null})));
        assertArrayEquals(key, codec.keyFromKeyValues(new Object[] {1L, "ABC"}));
        assertEquals(Arrays.asList(row), Arrays.asList(codec.decode(key, codec.value(row))));
        // a reader wanting no value column still gets the key's text back
        boolean[] onlyKeys = codec.valueFieldsFor(new boolean[] {true, true, false, false});
        Object[] keysOnly = codec.decode(key, codec.value(row), onlyKeys);
        assertEquals("Abc ", keysOnly[1]);
        assertEquals(List.of(1L, "Abc "), Arrays.asList(codec.keyValues(row)));
    }

    @Test
    void anIndexEntryLeadsBackToTheRowKey() {
        RowCodec codec = new RowCodec(schema(true));
        IndexCodec index = codec.indexCodec(BY_N);
        Object[] row = {3L, "Straße", 7L, "n"};
        assertTrue(codec.sortKeyedKey());
        assertArrayEquals(codec.key(row), index.rowKey(index.key(row)));
        // the entry's row-key part is the sort key too: the same row under another case gives the same entry
        assertArrayEquals(index.key(row), index.key(new Object[] {3L, "STRAßE", 7L, null}));
    }

    @Test
    void withoutTheFlagTheKeyHoldsTheBytesAsBefore() {
        RowCodec codec = new RowCodec(schema(false));
        assertFalse(codec.sortKeyedKey());
        assertFalse(Arrays.equals(codec.key(new Object[] {1L, "abc", 1L, null}),
                codec.key(new Object[] {1L, "ABC", 1L, null})));
        Object[] row = {1L, "abc", 1L, "z"};
        assertEquals(Arrays.asList(row), Arrays.asList(codec.decode(codec.key(row), codec.value(row))));
    }
}
