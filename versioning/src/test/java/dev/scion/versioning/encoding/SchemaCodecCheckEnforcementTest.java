package dev.scion.versioning.encoding;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCodecCheckEnforcementTest {
    private static Column col(String name, ColumnType type, long tag) {
        return new Column(name, type, true, null, false, null, tag);
    }

    private static TableSchema withChecks(List<Column> cols, CheckDef... checks) {
        return new TableSchema(cols, List.of("a"), List.of(), List.of(checks), List.of());
    }

    @Test
    void notEnforcedChecksRoundTripWithoutOtherOptionalSections() {
        TableSchema s = withChecks(List.of(col("a", ColumnType.of(TypeKind.INT), 1)),
                new CheckDef("c1", "`a` > 0"), new CheckDef("c2", "`a` < 9", false));
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertTrue(read.checks().get(0).enforced());
        assertFalse(read.checks().get(1).enforced());
    }

    @Test
    void notEnforcedChecksRoundTripBesideOnUpdateAndCollations() {
        TableSchema s = withChecks(List.of(col("a", ColumnType.of(TypeKind.INT), 1),
                col("n", ColumnType.of(TypeKind.VARCHAR, 9).withCollation("utf8mb4_general_ci"), 2),
                col("ts", ColumnType.of(TypeKind.TIMESTAMP), 3).withOnUpdate("CURRENT_TIMESTAMP")),
                new CheckDef("c1", "`a` > 0", false));
        TableSchema read = TableValue.decodeSchema(TableValue.encodeSchema(s));
        assertEquals(s, read);
        assertEquals("CURRENT_TIMESTAMP", read.columns().get(2).onUpdateSql());
    }

    @Test
    void enforcedChecksEncodeAsBeforeTheFlag() {
        List<Column> cols = List.of(col("a", ColumnType.of(TypeKind.INT), 1));
        byte[] enforced = TableValue.encodeSchema(withChecks(cols, new CheckDef("c1", "`a` > 0")));
        byte[] notEnforced = TableValue.encodeSchema(withChecks(cols, new CheckDef("c1", "`a` > 0", false)));
        // the flag is a trailing section: the schema without it is a strict prefix, so old chunks decode as enforced
        assertTrue(notEnforced.length > enforced.length);
        assertArrayEquals(enforced, Arrays.copyOf(notEnforced, enforced.length));
        assertTrue(TableValue.decodeSchema(enforced).checks().get(0).enforced());
    }
}
