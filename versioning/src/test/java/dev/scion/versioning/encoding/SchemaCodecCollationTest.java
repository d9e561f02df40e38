package dev.scion.versioning.encoding;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class SchemaCodecCollationTest {
    private static Column col(String name, ColumnType type, long tag) {
        return new Column(name, type, true, null, false, null, tag);
    }

    private static TableSchema plain() {
        return new TableSchema(List.of(col("id", ColumnType.of(TypeKind.INT), 1),
                col("name", ColumnType.of(TypeKind.VARCHAR, 40), 2)), List.of("id"),
                List.of(new IndexDef("name", List.of("name"), true)));
    }

    @Test
    void aSchemaWithoutCollationsOrPrefixesEncodesAsBeforeTheFeature() {
        TableSchema s = plain();
        BinaryWriter old = new BinaryWriter().kind(ObjectKind.SCHEMA);
        SchemaCodec.write(old, s); // what versions without collations wrote: nothing after the base schema
        assertArrayEquals(old.toByteArray(), TableValue.encodeSchema(s));
        TableSchema read = TableValue.decodeSchema(old.toByteArray());
        assertEquals(s, read);
        assertNull(read.collation());
        assertEquals(List.of(), read.indexes().get(0).prefixLengths());
    }

    @Test
    void collationsAndPrefixLengthsRoundTrip() {
        TableSchema s = new TableSchema(List.of(col("id", ColumnType.of(TypeKind.INT), 1),
                col("name", ColumnType.of(TypeKind.VARCHAR, 40).withCollation("utf8mb4_general_ci"), 2),
                col("body", ColumnType.of(TypeKind.TEXT), 3).withGeneration("concat(`name`,'x')", true)),
                List.of("id"),
                List.of(new IndexDef("plain", List.of("id"), false),
                        new IndexDef("name_body", List.of("name", "body"), true, false, List.of(0, 10))),
                List.of(), List.of(), "latin1_swedish_ci");
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertEquals("utf8mb4_general_ci", read.columns().get(1).type().collation());
        assertEquals(10, read.indexes().get(1).prefixLength(1));
        assertEquals("concat(`name`,'x')", read.columns().get(2).generatedSql());
    }

    @Test
    void droppingAPrefixedColumnKeepsTheOtherPrefixes() {
        IndexDef ix = new IndexDef("k", List.of("a", "b"), false, false, List.of(5, 0));
        assertEquals(List.of(), ix.withColumns(List.of("b")).prefixLengths());
        assertEquals(List.of(5, 0), ix.withColumns(List.of("A", "c")).prefixLengths());
    }

    @Test
    void collatedKeysRoundTripAndOnlyStayWhereTheyChangeAKey() {
        TableSchema s = new TableSchema(List.of(col("id", ColumnType.of(TypeKind.INT), 1),
                col("name", ColumnType.of(TypeKind.VARCHAR, 40).withCollation("utf8mb4_general_ci"), 2),
                col("code", ColumnType.of(TypeKind.VARCHAR, 40), 3)),
                List.of("id"),
                List.of(new IndexDef("name", List.of("name"), true, false, List.of(), true),
                        new IndexDef("code", List.of("code"), true, false, List.of(), false)));
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertTrue(read.indexes().get(0).collatedKeys());
        assertFalse(read.indexes().get(1).collatedKeys());
        // a bytewise part without a prefix: the flag would change nothing, so it is dropped
        IndexDef plainCode = new IndexDef("code", List.of("code"), true, false, List.of(), true);
        assertFalse(plainCode.normalisedFor(s).collatedKeys());
        assertTrue(plainCode.withColumns(List.of("code")).collatedKeys());
        IndexDef prefixed = new IndexDef("code", List.of("code"), true, false, List.of(3), true);
        assertTrue(prefixed.normalisedFor(s).collatedKeys());
    }

    @Test
    void aSchemaOfPlainIndexesEncodesTheSameWhateverTheFlagSaid() {
        TableSchema flagged = new TableSchema(plain().columns(), List.of("id"),
                List.of(new IndexDef("name", List.of("name"), true, false, List.of(), true).normalisedFor(plain())));
        assertArrayEquals(TableValue.encodeSchema(plain()), TableValue.encodeSchema(flagged));
    }

    @Test
    void aCollatedPrimaryKeyRoundTripsAfterTheIndexesAndOnlyWhereAKeyColumnHasASortKey() {
        TableSchema s = new TableSchema(List.of(col("name", ColumnType.of(TypeKind.VARCHAR, 40)
                        .withCollation("utf8mb4_general_ci"), 1), col("code", ColumnType.of(TypeKind.VARCHAR, 40), 2)),
                List.of("name"),
                List.of(new IndexDef("code", List.of("code"), true, false, List.of(), false)),
                List.of(), List.of(), null, true);
        assertTrue(s.collatedPrimaryKey());
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertTrue(read.collatedPrimaryKey());
        assertFalse(read.indexes().get(0).collatedKeys());
        // a bytewise key: the flag changes nothing, so it is dropped and the schema encodes as before
        TableSchema bytewise = plain().withCollatedPrimaryKey(true);
        assertFalse(bytewise.collatedPrimaryKey());
        assertArrayEquals(TableValue.encodeSchema(plain()), TableValue.encodeSchema(bytewise));
        assertFalse(s.withCollatedPrimaryKey(false).collatedPrimaryKey());
        assertTrue(s.withCollation("utf8mb4_bin").collatedPrimaryKey());
    }
}
