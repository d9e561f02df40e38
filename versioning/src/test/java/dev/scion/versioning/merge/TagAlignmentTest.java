package dev.scion.versioning.merge;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class TagAlignmentTest {
    private final TableSchema base = TestRepo.people(false);

    private TableSchema retagged(String column, long tag) {
        List<Column> cols = new ArrayList<>(base.columns());
        cols.replaceAll(c -> c.name().equals(column) ? c.withTag(tag) : c);
        return new TableSchema(cols, base.primaryKey(), base.indexes());
    }

    @Test
    void aColumnRetaggedByHandTakesTheReferenceTagOfItsName() {
        TableSchema theirs = retagged("id", 101);
        TableSchema aligned = TagAlignment.align(base, theirs);
        assertEquals(base, aligned);
        // so the merge sees no change at all on theirs' side, rather than a dropped and a re-added key column
        SchemaMerger.Result r = SchemaMerger.merge(base, base, aligned);
        assertFalse(r.isConflict());
        assertEquals(base, r.schema());
    }

    @Test
    void matchingTagsAndRenamesAreLeftAlone() {
        assertSame(base, TagAlignment.align(base, base));
        List<Column> cols = new ArrayList<>(base.columns());
        cols.replaceAll(c -> c.name().equals("name") ? c.withName("full_name") : c);
        TableSchema renamed = new TableSchema(cols, base.primaryKey(), base.indexes());
        assertSame(renamed, TagAlignment.align(base, renamed));
    }

    @Test
    void aNewColumnWhoseNameTheReferenceLacksKeepsItsTag() {
        List<Column> cols = new ArrayList<>(base.columns());
        cols.add(TestRepo.col("extra", TypeKind.INT, 77));
        TableSchema added = new TableSchema(cols, base.primaryKey(), base.indexes());
        assertSame(added, TagAlignment.align(base, added));
    }
}
