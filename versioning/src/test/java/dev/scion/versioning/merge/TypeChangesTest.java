package dev.scion.versioning.merge;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Column type changes in a schema merge: widening on one side merges, narrowing or a change of kind conflicts. */
class TypeChangesTest {
    private final TableSchema base = TestRepo.people(false); // name varchar(40), qty int

    /** The base with column {@code index} of another type, and optionally one more column (a change elsewhere). */
    private TableSchema retyped(int index, ColumnType type, boolean extraColumn) {
        List<Column> cols = new ArrayList<>(base.columns());
        Column c = cols.get(index);
        cols.set(index, new Column(c.name(), type, c.nullable(), c.defaultSql(), c.autoIncrement(), c.comment(),
                c.tag()));
        if (extraColumn) {
            cols.add(TestRepo.col("extra", TypeKind.INT, 20));
        }
        return new TableSchema(cols, base.primaryKey(), base.indexes());
    }

    private TableSchema oursWithANewColumn() {
        List<Column> cols = new ArrayList<>(base.columns());
        cols.add(TestRepo.col("other", TypeKind.INT, 21));
        return new TableSchema(cols, base.primaryKey(), base.indexes());
    }

    @Test
    void wideningOnOneSideMerges() {
        SchemaMerger.Result r = SchemaMerger.merge(base, oursWithANewColumn(),
                retyped(1, ColumnType.of(TypeKind.VARCHAR, 80), false));
        assertFalse(r.isConflict(), r.conflict());
        assertEquals(ColumnType.of(TypeKind.VARCHAR, 80), r.schema().columns().get(1).type());
    }

    @Test
    void oneConflictIsCountedPerColumn() {
        List<Column> cols = new ArrayList<>(base.columns());
        cols.set(1, new Column("name", ColumnType.of(TypeKind.VARCHAR, 10), true, null, false, null,
                cols.get(1).tag()));
        cols.set(2, new Column("qty", ColumnType.of(TypeKind.BIGINT), true, null, false, null, cols.get(2).tag()));
        SchemaMerger.Result r = SchemaMerger.merge(base, oursWithANewColumn(),
                new TableSchema(cols, base.primaryKey(), base.indexes()));
        assertEquals(2, SchemaMerger.conflictCount(r.conflict()), r.conflict());
    }

    @Test
    void numericDefaultsSpelledDifferentlyAreTheSameDefinition() {
        List<Column> o = new ArrayList<>(base.columns());
        List<Column> t = new ArrayList<>(base.columns());
        Column q = base.columns().get(2);
        o.set(2, new Column(q.name(), q.type(), true, "12", false, null, q.tag()));
        t.set(2, new Column(q.name(), q.type(), true, "'12.000'", false, null, q.tag()));
        SchemaMerger.Result r = SchemaMerger.merge(base, new TableSchema(o, base.primaryKey(), base.indexes()),
                new TableSchema(t, base.primaryKey(), base.indexes()));
        assertFalse(r.isConflict(), r.conflict());
        assertEquals("12", r.schema().columns().get(2).defaultSql(), "ours is kept as written");
        t.set(2, new Column(q.name(), q.type(), true, "'13'", false, null, q.tag()));
        assertTrue(SchemaMerger.merge(base, new TableSchema(o, base.primaryKey(), base.indexes()),
                new TableSchema(t, base.primaryKey(), base.indexes())).isConflict());
    }

    @Test
    void numericChangesConflictAsInDolt() {
        assertTrue(SchemaMerger.merge(base, oursWithANewColumn(), retyped(2, ColumnType.of(TypeKind.BIGINT), false))
                .isConflict(), "INT to BIGINT changes the stored encoding in Dolt");
        assertFalse(TypeChanges.widens(new ColumnType(TypeKind.DECIMAL, 4, 2, false, List.of()),
                new ColumnType(TypeKind.DECIMAL, 8, 4, false, List.of())));
    }

    @Test
    void narrowingOnOneSideIsASchemaConflictInDoltsWords() {
        SchemaMerger.Result r = SchemaMerger.merge(base, base, retyped(1, ColumnType.of(TypeKind.VARCHAR, 39), false));
        assertTrue(r.isConflict());
        assertEquals("incompatible column types for column 'name': varchar(40) changed to varchar(39) on one side only",
                r.conflict());
    }

    @Test
    void aChangeOfKindIsAConflict() {
        assertTrue(SchemaMerger.merge(base, oursWithANewColumn(),
                retyped(2, ColumnType.of(TypeKind.VARCHAR, 100), false)).isConflict());
        assertTrue(SchemaMerger.merge(base, oursWithANewColumn(), retyped(2, ColumnType.of(TypeKind.DOUBLE), false))
                .isConflict(), "INT to DOUBLE is stored differently");
        assertFalse(TypeChanges.widens(ColumnType.of(TypeKind.VARCHAR, 300), ColumnType.of(TypeKind.TINYTEXT)),
                "TINYTEXT holds 255 bytes");
    }

    @Test
    void theSameChangeOnBothSidesNeedsNoConversion() {
        TableSchema narrowed = retyped(1, ColumnType.of(TypeKind.VARCHAR, 20), false);
        TableSchema narrowedPlus = retyped(1, ColumnType.of(TypeKind.VARCHAR, 20), true);
        assertFalse(SchemaMerger.merge(base, narrowed, narrowedPlus).isConflict());
    }

    @Test
    void enumValuesAppendedWidenButReorderedDoNot() {
        ColumnType ab = new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("a", "b"));
        assertTrue(TypeChanges.widens(ab, new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("a", "b", "c"))));
        assertFalse(TypeChanges.widens(ab, new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("b", "a"))));
    }
}
