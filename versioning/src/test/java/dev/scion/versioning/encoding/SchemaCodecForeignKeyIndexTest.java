package dev.scion.versioning.encoding;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.CheckDef;
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

/** The mark on an index made for a foreign key (IndexDef#forForeignKey) is kept by the schema encoding. */
class SchemaCodecForeignKeyIndexTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("a", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
            new Column("b", ColumnType.of(TypeKind.INT), true, null, false, null, 2));

    private static TableSchema schema(List<IndexDef> indexes, CheckDef... checks) {
        return new TableSchema(COLUMNS, List.of("a"), indexes, List.of(checks), List.of());
    }

    @Test
    void markRoundTripsAlone() {
        TableSchema s = schema(List.of(new IndexDef("mine", List.of("b"), false),
                new IndexDef("fk1", List.of("b"), false).withForForeignKey(true)));
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertFalse(read.indexes().get(0).forForeignKey());
        assertTrue(read.indexes().get(1).forForeignKey());
    }

    @Test
    void markRoundTripsBesideTheOtherOptionalSections() {
        TableSchema s = schema(List.of(new IndexDef("fk1", List.of("b"), false).withForForeignKey(true)
                .withCollatedKeys(true).withPrefixLength(0, 0)), new CheckDef("c1", "`b` > 0", false));
        assertEquals(s, TableValue.decodeSchema(TableValue.encodeSchema(s)));
    }

    @Test
    void unmarkedIndexesEncodeAsBeforeTheMark() {
        byte[] plain = TableValue.encodeSchema(schema(List.of(new IndexDef("fk1", List.of("b"), false))));
        byte[] marked = TableValue.encodeSchema(schema(List.of(
                new IndexDef("fk1", List.of("b"), false).withForForeignKey(true))));
        assertTrue(marked.length > plain.length);
        assertArrayEquals(plain, Arrays.copyOf(marked, plain.length));
        assertFalse(TableValue.decodeSchema(plain).indexes().get(0).forForeignKey());
    }

    @Test
    void onlyAnIndexLeadingWithTheWholeColumnsSupersedes() {
        IndexDef generated = new IndexDef("fk1", List.of("b"), false).withForForeignKey(true);
        assertTrue(new IndexDef("u", List.of("B", "a"), true).supersedes(generated));
        assertFalse(new IndexDef("p", List.of("b"), false).withPrefixLength(0, 3).supersedes(generated));
        assertFalse(new IndexDef("other", List.of("a", "b"), false).supersedes(generated));
        assertFalse(new IndexDef("ft", List.of("b"), false, true).supersedes(generated));
    }
}
