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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table COMMENT is the last optional section of the schema encoding; tables without one encode as before. */
class SchemaCodecTableCommentTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("a", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
            new Column("b", ColumnType.of(TypeKind.INT), true, null, false, null, 2));

    private static TableSchema schema(List<IndexDef> indexes, CheckDef... checks) {
        return new TableSchema(COLUMNS, List.of("a"), indexes, List.of(checks), List.of());
    }

    @Test
    void commentRoundTripsAlone() {
        TableSchema s = schema(List.of()).withComment("it's a\ncomment");
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertEquals("it's a\ncomment", read.comment());
    }

    @Test
    void commentRoundTripsBesideTheOtherOptionalSections() {
        TableSchema s = schema(List.of(new IndexDef("fk1", List.of("b"), false).withForForeignKey(true)
                .withCollatedKeys(true).withPrefixLength(0, 0)), new CheckDef("c1", "`b` > 0", false))
                .withCollation("utf8mb4_0900_ai_ci").withComment("note");
        assertEquals(s, TableValue.decodeSchema(TableValue.encodeSchema(s)));
    }

    @Test
    void schemasWithoutCommentEncodeAsBefore() {
        TableSchema plain = schema(List.of(new IndexDef("i", List.of("b"), false)));
        byte[] before = TableValue.encodeSchema(plain);
        byte[] commented = TableValue.encodeSchema(plain.withComment("x"));
        assertTrue(commented.length > before.length);
        assertArrayEquals(before, Arrays.copyOf(commented, before.length));
        // removing the comment (COMMENT = '') gives back the very same chunk, so the same hash
        assertArrayEquals(before, TableValue.encodeSchema(plain.withComment("x").withComment("")));
        assertNull(TableValue.decodeSchema(before).comment());
    }
}
