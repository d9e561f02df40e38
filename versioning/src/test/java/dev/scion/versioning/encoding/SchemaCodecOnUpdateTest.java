package dev.scion.versioning.encoding;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCodecOnUpdateTest {
    private static Column col(String name, ColumnType type, long tag) {
        return new Column(name, type, true, null, false, null, tag);
    }

    @Test
    void onUpdateRoundTripsWithoutOtherOptionalSections() {
        TableSchema s = new TableSchema(List.of(col("id", ColumnType.of(TypeKind.INT), 1),
                col("ts", ColumnType.of(TypeKind.TIMESTAMP), 2).withOnUpdate("CURRENT_TIMESTAMP")),
                List.of("id"), List.of());
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertEquals("CURRENT_TIMESTAMP", read.columns().get(1).onUpdateSql());
        assertNull(read.columns().get(0).onUpdateSql());
    }

    @Test
    void onUpdateRoundTripsBesideGeneratedColumnsCollationsAndCollatedKeys() {
        TableSchema s = new TableSchema(List.of(col("id", ColumnType.of(TypeKind.INT), 1),
                col("name", ColumnType.of(TypeKind.VARCHAR, 40).withCollation("utf8mb4_general_ci"), 2),
                col("g", ColumnType.of(TypeKind.INT), 3).withGeneration("(`id` + 1)", false),
                col("dt", ColumnType.of(TypeKind.DATETIME, 3), 4).withOnUpdate("CURRENT_TIMESTAMP(3)")),
                List.of("id"),
                List.of(new IndexDef("name", List.of("name"), true, false, List.of(), true)));
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertEquals("CURRENT_TIMESTAMP(3)", read.columns().get(3).onUpdateSql());
        assertEquals("(`id` + 1)", read.columns().get(2).generatedSql());
    }

    @Test
    void onUpdateRoundTripsBesideACollatedPrimaryKey() {
        TableSchema s = new TableSchema(List.of(
                col("k", ColumnType.of(TypeKind.VARCHAR, 20).withCollation("utf8mb4_general_ci"), 1),
                col("ts", ColumnType.of(TypeKind.TIMESTAMP), 2).withOnUpdate("CURRENT_TIMESTAMP")),
                List.of("k"), List.of(), List.of(), List.of(), null, true);
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertTrue(read.collatedPrimaryKey());
        assertEquals("CURRENT_TIMESTAMP", read.columns().get(1).onUpdateSql());
    }

    @Test
    void theAttributeSurvivesRenamesAndTypeChanges() {
        Column c = col("ts", ColumnType.of(TypeKind.TIMESTAMP), 2).withOnUpdate("CURRENT_TIMESTAMP");
        assertEquals("CURRENT_TIMESTAMP", c.withName("t2").onUpdateSql());
        assertEquals("CURRENT_TIMESTAMP", c.withType(ColumnType.of(TypeKind.DATETIME)).onUpdateSql());
    }
}
