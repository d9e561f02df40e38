package dev.scion.versioning.diff;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlScript;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(TestRepoExtension.class)
class RowDifferTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.commitPeople("p", "base", row(1L, "a", 1L), row(2L, "b", 2L), row(3L, "c", 3L));
    }

    private List<RowChange> diff(TableValue from, TableValue to) {
        List<RowChange> out = new ArrayList<>();
        new RowDiffer(t.repo.chunks(), from, to).forEachRemaining(out::add);
        return out;
    }

    @Test
    void reportsAddedRemovedAndChangedCells() {
        TableValue before = t.workingTable("main", "p");
        t.set("main", "p", 2, "qty", 20L);
        t.delete("main", "p", 3);
        t.insert("main", "p", row(4L, "d", 4L));
        TableValue after = t.workingTable("main", "p");
        List<RowChange> d = diff(before, after);
        assertEquals(List.of(RowChange.Kind.MODIFIED, RowChange.Kind.REMOVED, RowChange.Kind.ADDED),
                d.stream().map(RowChange::kind).toList());
        assertEquals(List.of("qty"), d.get(0).changedColumns());
        TableSchema s = after.schema();
        assertEquals("UPDATE `p` SET `qty`=20 WHERE `id`=2;",
                SqlScript.update("p", s, d.get(0).after(), d.get(0).changedColumns()));
        assertEquals("DELETE FROM `p` WHERE `id`=3;", SqlScript.delete("p", s, d.get(1).before()));
        assertEquals("INSERT INTO `p` (`id`,`name`,`qty`) VALUES (4,'d',4);", SqlScript.insert("p", s, d.get(2).after()));
    }

    @Test
    void aRenamedColumnAloneChangesNoRowButShowsInTheSchemaDiff() {
        TableValue before = t.workingTable("main", "p");
        List<Column> cols = new ArrayList<>(before.schema().columns());
        cols.set(1, cols.get(1).withName("label"));
        t.alterTable("main", "p", new TableSchema(cols, List.of("id"), List.of()));
        TableValue after = t.workingTable("main", "p");
        assertEquals(List.of(), diff(before, after));
        List<SchemaChange> sc = SchemaDiffer.diff(before.schema(), after.schema());
        assertEquals(SchemaChange.Kind.COLUMN_RENAMED, sc.get(0).kind());
        assertEquals(List.of("ALTER TABLE `p` RENAME COLUMN `name` TO `label`;"),
                SqlScript.alter("p", after.schema(), sc));
    }
}
