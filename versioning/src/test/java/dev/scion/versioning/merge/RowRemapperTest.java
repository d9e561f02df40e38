package dev.scion.versioning.merge;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rows brought into a merged schema by tag: dropped, added and retyped columns. */
class RowRemapperTest {
    private static TableSchema schema(Column... cols) {
        return new TableSchema(List.of(cols), List.of("pk"), List.of());
    }

    @Test
    void columnsFollowTheirTagsAndNewOnesReadNull() {
        Column pk = TestRepo.col("pk", TypeKind.INT, 1);
        Column a = TestRepo.col("a", TypeKind.INT, 2);
        Column b = TestRepo.col("b", TypeKind.INT, 3);
        Object[] out = new RowRemapper(schema(pk, a), schema(pk, b, a)).remap(new Object[] {1L, 5L});
        assertEquals(1L, out[0]);
        assertNull(out[1]);
        assertEquals(5L, out[2]);
    }

    @Test
    void aValueOfAColumnThatBecameBinaryIsZeroPadded() {
        Column pk = TestRepo.col("pk", TypeKind.INT, 1);
        Column vb = new Column("c", new ColumnType(TypeKind.VARBINARY, 3, -1, false, List.of()), true, null, false,
                null, 2);
        Column bin = new Column("c", new ColumnType(TypeKind.BINARY, 5, -1, false, List.of()), true, null, false,
                null, 2);
        Object[] out = new RowRemapper(schema(pk, vb), schema(pk, bin)).remap(new Object[] {1L, new byte[] {1, 2}});
        assertArrayEquals(new byte[] {1, 2, 0, 0, 0}, (byte[]) out[1]);
    }
}
