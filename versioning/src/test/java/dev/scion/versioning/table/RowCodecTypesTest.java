package dev.scion.versioning.table;

import dev.scion.storage.tuple.FieldType;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.EnumSetValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How rows of ENUM, SET and BIGINT UNSIGNED columns are stored: by number, in the order MySQL sorts them. */
class RowCodecTypesTest {

    private static final ColumnType SIZE = new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("s", "m", "l"));
    private static final ColumnType TAGS = new ColumnType(TypeKind.SET, -1, -1, false, List.of("a", "b", "c"));
    private static final ColumnType BIG = new ColumnType(TypeKind.BIGINT, -1, -1, true, List.of());

    private static Column column(String name, ColumnType type, long tag) {
        return new Column(name, type, true, null, false, null, tag);
    }

    @Test
    void bigintUnsignedIsStoredAsUint64AndOtherTypesKeepTheirKind() {
        assertEquals(FieldType.UINT64, BIG.fieldType());
        assertEquals(FieldType.INT64, ColumnType.of(TypeKind.BIGINT).fieldType());
        assertEquals(FieldType.UINT64, SIZE.fieldType());
        assertEquals(FieldType.BYTES, ColumnType.of(TypeKind.POINT).fieldType());
    }

    @Test
    void enumKeysSortByMemberIndexAndDecodeToTheirText() {
        TableSchema schema = new TableSchema(List.of(column("size", SIZE, 1), column("tags", TAGS, 2)),
                List.of("size"), List.of(new IndexDef("by_tags", List.of("tags"), false)));
        RowCodec codec = new RowCodec(schema);
        // written as text, as numbers, and as values read before
        Object[][] rows = {{"l", "c,a"}, {new EnumSetValue(1, "s"), 2L}, {"m", new EnumSetValue(0, "")}};
        List<byte[]> keys = new ArrayList<>();
        for (Object[] row : rows) {
            keys.add(codec.key(row));
        }
        keys.sort(Arrays::compareUnsigned);
        List<Object> order = new ArrayList<>();
        for (byte[] key : keys) {
            Object[] row = codec.decode(key, codec.value(rowFor(rows, codec, key)));
            order.add(row[0]);
        }
        assertEquals(List.of(new EnumSetValue(1, "s"), new EnumSetValue(2, "m"), new EnumSetValue(3, "l")), order);

        Object[] l = codec.decode(codec.key(rows[0]), codec.value(rows[0]));
        assertEquals(new EnumSetValue(5, "a,c"), l[1]);
        // the caller's row is not rewritten to numbers
        assertEquals("l", rows[0][0]);

        IndexCodec index = codec.indexCodec(schema.indexes().get(0));
        assertTrue(Arrays.compareUnsigned(index.key(rows[2]), index.key(rows[1])) < 0, "'' (0) before 'b' (2)");
        assertArrayEquals(index.prefix(new Object[] {"b"}), index.prefix(new Object[] {new EnumSetValue(2, "b")}));
    }

    @Test
    void bigintUnsignedKeysKeepUnsignedOrderAcross2To63() {
        TableSchema schema = new TableSchema(List.of(column("id", BIG, 1)), List.of("id"), List.of());
        RowCodec codec = new RowCodec(schema);
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        byte[] small = codec.key(new Object[] {Long.MAX_VALUE});
        byte[] big = codec.key(new Object[] {BigInteger.ONE.shiftLeft(63)});
        byte[] top = codec.key(new Object[] {max});
        assertTrue(Arrays.compareUnsigned(small, big) < 0);
        assertTrue(Arrays.compareUnsigned(big, top) < 0);
        assertEquals(max, codec.decode(top, codec.value(new Object[] {max}))[0]);
        assertEquals(Long.MAX_VALUE, codec.decode(small, codec.value(new Object[] {Long.MAX_VALUE}))[0]);
    }

    private static Object[] rowFor(Object[][] rows, RowCodec codec, byte[] key) {
        for (Object[] row : rows) {
            if (Arrays.equals(codec.key(row), key)) {
                return row;
            }
        }
        throw new AssertionError("no row for key");
    }
}
