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

/** Index entries with collated keys: sort keys for text parts, prefixes for prefixed parts, row keys intact. */
class CollatedIndexKeysTest {
    private static TableSchema schema(IndexDef... indexes) {
        return new TableSchema(List.of(
                new Column("id", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
                new Column("ci", ColumnType.of(TypeKind.VARCHAR, 20).withCollation("utf8mb4_general_ci"), true, null,
                        false, null, 2),
                new Column("bin", ColumnType.of(TypeKind.VARCHAR, 20), true, null, false, null, 3)),
                List.of("id"), List.of(indexes));
    }

    private static Object[] row(int id, String ci, String bin) {
        return new Object[] {id, ci, bin};
    }

    @Test
    void aCollatedTextPartKeysBySortKeySoCaseAndTrailingSpacesCollide() {
        IndexDef ix = new IndexDef("ci", List.of("ci"), true, false, List.of(), true);
        IndexCodec codec = new RowCodec(schema(ix)).indexCodec(ix);
        assertArrayEquals(codec.prefix(new Object[] {"abc"}), codec.prefix(new Object[] {"ABC  "}));
        assertFalse(Arrays.equals(codec.prefix(new Object[] {"abc"}), codec.prefix(new Object[] {"abd"})));
        byte[] entry = codec.key(row(7, "Abc", "x"));
        assertTrue(startsWith(entry, codec.prefix(new Object[] {"aBC"})));
        // the row key at the end of the entry still leads to the row
        RowCodec rows = new RowCodec(schema(ix));
        assertArrayEquals(rows.key(row(7, "Abc", "x")), codec.rowKey(entry));
    }

    @Test
    void anIndexWithoutTheFlagKeysBytesAsBefore() {
        IndexDef old = new IndexDef("ci", List.of("ci"), true, false, List.of());
        IndexCodec codec = new RowCodec(schema(old)).indexCodec(old);
        assertFalse(Arrays.equals(codec.prefix(new Object[] {"abc"}), codec.prefix(new Object[] {"ABC"})));
        IndexDef flaggedBinary = new IndexDef("bin", List.of("bin"), true, false, List.of(), true);
        IndexDef plainBinary = new IndexDef("bin", List.of("bin"), true, false, List.of());
        // a bytewise column keys the same with or without the flag
        assertArrayEquals(new RowCodec(schema(plainBinary)).indexCodec(plainBinary).key(row(1, "a", "Q")),
                new RowCodec(schema(flaggedBinary)).indexCodec(flaggedBinary).key(row(1, "a", "Q")));
    }

    @Test
    void aPrefixedPartKeysItsPrefixOnly() {
        IndexDef ix = new IndexDef("p", List.of("bin", "ci"), true, false, List.of(3, 2), true);
        IndexCodec codec = new RowCodec(schema(ix)).indexCodec(ix);
        assertArrayEquals(codec.prefix(new Object[] {"abcd", "XYz"}), codec.prefix(new Object[] {"abcx", "xy"}));
        assertFalse(Arrays.equals(codec.prefix(new Object[] {"ab", "xy"}), codec.prefix(new Object[] {"abc", "xy"})));
        assertEquals(List.of("abc", "XY"), List.of(codec.keyedValues(new Object[] {"abcd", "XYz"})));
        // characters, not bytes: a two-byte character counts once
        assertArrayEquals(codec.prefix(new Object[] {"ééé", "a"}), codec.prefix(new Object[] {"ééé!", "a"}));
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(Arrays.copyOf(b, prefix.length), prefix);
    }
}
