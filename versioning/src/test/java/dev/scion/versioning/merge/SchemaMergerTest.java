package dev.scion.versioning.merge;

import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMergerTest {
    private final TableSchema base = TestRepo.people(false);

    private TableSchema with(List<Column> cols, List<IndexDef> idx) {
        return new TableSchema(cols, List.of("id"), idx);
    }

    private List<Column> cols() {
        return new ArrayList<>(base.columns());
    }

    @Test
    void columnsAddedOnBothSidesUnderDifferentNamesBothSurvive() {
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        List<Column> t = cols();
        t.add(TestRepo.col("b", TypeKind.INT, 11));
        SchemaMerger.Result r = SchemaMerger.merge(base, with(o, List.of()), with(t, List.of()));
        assertFalse(r.isConflict());
        assertEquals(List.of("id", "name", "qty", "a", "b"), r.schema().columns().stream().map(Column::name).toList());
    }

    @Test
    void twoDifferentColumnsWithOneNameConflict() {
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        List<Column> t = cols();
        t.add(TestRepo.col("a", TypeKind.INT, 11));
        SchemaMerger.Result r = SchemaMerger.merge(base, with(o, List.of()), with(t, List.of()));
        assertTrue(r.isConflict());
        assertTrue(r.conflict().contains("two different columns are named 'a'"), r.conflict());
    }

    @Test
    void dropOnOneSideAndUntouchedOnTheOtherDrops() {
        List<Column> o = cols();
        o.remove(2);
        List<Column> t = cols();
        t.add(TestRepo.col("c", TypeKind.INT, 12));
        SchemaMerger.Result r = SchemaMerger.merge(base, with(o, List.of()), with(t, List.of()));
        assertEquals(List.of("id", "name", "c"), r.schema().columns().stream().map(Column::name).toList());
    }

    @Test
    void dropAgainstModifyConflicts() {
        List<Column> o = cols();
        o.remove(2);
        List<Column> t = cols();
        t.set(2, new Column("qty", ColumnType.of(TypeKind.BIGINT), true, null, false, null, 3));
        assertTrue(SchemaMerger.merge(base, with(o, List.of()), with(t, List.of())).isConflict());
    }

    @Test
    void indexesAddedOnEachSideMergeAndAnIndexLosesAColumnTheOtherSideDropped() {
        IndexDef byName = new IndexDef("by_name", List.of("name"), false);
        IndexDef byQty = new IndexDef("by_qty", List.of("qty"), false);
        SchemaMerger.Result r = SchemaMerger.merge(base, with(cols(), List.of(byName)), with(cols(), List.of(byQty)));
        assertEquals(List.of(byName, byQty), r.schema().indexes());
        List<Column> dropped = cols();
        dropped.remove(2);
        // as ALTER TABLE ... DROP COLUMN: the column leaves the index, and an index left with none goes
        IndexDef byQtyName = new IndexDef("by_qty_name", List.of("qty", "name"), true);
        r = SchemaMerger.merge(base, with(dropped, List.of()), with(cols(), List.of(byQty, byQtyName)));
        assertFalse(r.isConflict(), r.conflict());
        assertEquals(List.of(new IndexDef("by_qty_name", List.of("name"), true)), r.schema().indexes());
    }

    @Test
    void anIndexDefinedDifferentlyOnBothSidesIsTwoConflicts() {
        IndexDef plain = new IndexDef("idx_name", List.of("name"), false);
        IndexDef unique = new IndexDef("idx_name", List.of("name"), true);
        SchemaMerger.Result r = SchemaMerger.merge(base, with(cols(), List.of(unique)), with(cols(), List.of(plain)));
        assertTrue(r.isConflict());
        assertEquals(2, SchemaMerger.conflictCount(r.conflict()), r.conflict());
    }

    @Test
    void anIndexTheirsAddsOverAnotherIndexsColumnsConflicts() {
        IndexDef idx1 = new IndexDef("idx1", List.of("name"), true);
        IndexDef idx2 = new IndexDef("idx2", List.of("name"), false);
        TableSchema withIdx1 = with(cols(), List.of(idx1));
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        SchemaMerger.Result r = SchemaMerger.merge(withIdx1, with(o, List.of(idx1)), with(cols(), List.of(idx1, idx2)));
        assertEquals("multiple indexes covering the same column set cannot be merged: 'idx1' and 'idx2'",
                r.conflict());
        // also when ours kept the base's schema (only its rows changed)
        r = SchemaMerger.merge(withIdx1, withIdx1, with(cols(), List.of(idx1, idx2)));
        assertTrue(r.isConflict());
        // indexes ours has by name that a column theirs dropped made alike are no conflict
        IndexDef i1 = new IndexDef("i1", List.of("qty", "name"), false);
        IndexDef i2 = new IndexDef("i2", List.of("name"), false);
        TableSchema two = with(cols(), List.of(i1, i2));
        List<Column> noQty = cols();
        noQty.remove(2);
        r = SchemaMerger.merge(two, with(cols(), List.of(i1, i2)), with(noQty, List.of(
                new IndexDef("i1", List.of("name"), false), i2)));
        assertFalse(r.isConflict(), r.conflict());
        // a pair ours already had is left alone
        List<Column> t = cols();
        t.add(TestRepo.col("b", TypeKind.INT, 11));
        r = SchemaMerger.merge(withIdx1, with(cols(), List.of(idx1, idx2)), with(t, List.of(idx1)));
        assertFalse(r.isConflict(), r.conflict());
    }

    @Test
    void identicalChangesOnBothSidesAreNoConflict() {
        List<Column> o = cols();
        o.set(1, o.get(1).withName("full_name"));
        SchemaMerger.Result r = SchemaMerger.merge(base, with(o, List.of()), with(new ArrayList<>(o), List.of()));
        assertFalse(r.isConflict());
        assertEquals("full_name", r.schema().columns().get(1).name());
    }

    private TableSchema constrained(List<Column> cols, List<CheckDef> checks, List<ForeignKeyDef> fks) {
        return new TableSchema(cols, List.of("id"), List.of(), checks, fks);
    }

    private static ForeignKeyDef fk(String name, String column) {
        return new ForeignKeyDef(name, List.of(column), "owners", List.of("id"), ForeignKeyDef.Action.RESTRICT,
                ForeignKeyDef.Action.CASCADE);
    }

    @Test
    void constraintsAddedOnEitherSideAreKeptBesideOtherSchemaChanges() {
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        CheckDef positive = new CheckDef("qty_positive", "`qty` > 0");
        SchemaMerger.Result r = SchemaMerger.merge(base,
                constrained(o, List.of(positive), List.of()),
                constrained(cols(), List.of(), List.of(fk("people_owner", "qty"))));
        assertFalse(r.isConflict(), r.conflict());
        assertEquals(List.of(positive), r.schema().checks());
        assertEquals(List.of(fk("people_owner", "qty")), r.schema().foreignKeys());
        assertEquals(List.of("id", "name", "qty", "a"), r.schema().columns().stream().map(Column::name).toList());
    }

    @Test
    void aConstraintDroppedOnOneSideStaysDroppedAndAChangedOneConflictsWithADrop() {
        CheckDef check = new CheckDef("qty_positive", "`qty` > 0");
        TableSchema withCheck = constrained(cols(), List.of(check), List.of());
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        SchemaMerger.Result dropped = SchemaMerger.merge(withCheck, constrained(o, List.of(check), List.of()),
                constrained(cols(), List.of(), List.of()));
        assertFalse(dropped.isConflict(), dropped.conflict());
        assertEquals(List.of(), dropped.schema().checks());

        CheckDef changed = new CheckDef("qty_positive", "`qty` >= 0");
        SchemaMerger.Result clash = SchemaMerger.merge(withCheck, constrained(o, List.of(changed), List.of()),
                constrained(cols(), List.of(), List.of()));
        assertTrue(clash.isConflict());
        assertTrue(clash.conflict().contains("check constraint 'qty_positive'"), clash.conflict());
    }

    @Test
    void aForeignKeyOnAColumnTheOtherSideDroppedConflicts() {
        List<Column> t = cols();
        t.remove(2); // qty
        List<Column> o = cols();
        o.add(TestRepo.col("a", TypeKind.INT, 10));
        SchemaMerger.Result r = SchemaMerger.merge(base,
                constrained(o, List.of(), List.of(fk("people_owner", "qty"))), constrained(t, List.of(), List.of()));
        assertTrue(r.isConflict());
        assertTrue(r.conflict().contains("foreign key 'people_owner' uses column 'qty'"), r.conflict());
    }
}
