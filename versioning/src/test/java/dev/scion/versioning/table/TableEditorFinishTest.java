package dev.scion.versioning.table;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An editor finished part-way (as an INSERT does before each trigger, to show it the rows written so far) keeps
 * working from what it applied: the end result, reads and unique checks are those of an editor finished once.
 */
class TableEditorFinishTest {
    @TempDir
    Path dir;

    @Test
    void finishingAfterEveryWriteEndsWhereFinishingOnceDoes() {
        try (TestRepo t = new TestRepo(dir)) {
            ChunkBuffer buf = t.repo.newBuffer();
            TableValue empty = new TableValue(TestRepo.people(true), ProllyMap.empty(buf).root(), Map.of(), 1);
            empty = new TableEditor("people", empty, buf).finish();

            TableEditor once = new TableEditor("people", empty, buf);
            TableEditor often = new TableEditor("people", empty, buf);
            assertFalse(often.hasPendingWrites());
            for (TableEditor ed : new TableEditor[] {once, often}) {
                boolean finishEach = ed == often;
                for (int i = 1; i <= 300; i++) {
                    ed.insert(new Object[] {i, "n" + i, i});
                    if (finishEach) {
                        ed.finish();
                    }
                }
                Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {7}));
                ed.update(old, new Object[] {7, "seven", 70});
                if (finishEach) {
                    ed.finish();
                }
                ed.delete(ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {8})));
            }
            assertTrue(often.hasPendingWrites(), "rows written and applied still count as the editor's writes");
            TableValue a = once.finish();
            TableValue b = often.finish();
            assertEquals(a.rows(), b.rows());
            assertEquals(a.indexes(), b.indexes());

            // after the applied writes, reads and the unique index still see them
            assertEquals("seven", often.getByKey(often.codec().keyFromKeyValues(new Object[] {7}))[1]);
            assertNull(often.getByKey(often.codec().keyFromKeyValues(new Object[] {8})));
            assertThrows(DuplicateKeyException.class, () -> often.insert(new Object[] {999, "seven", 1}));
            often.insert(new Object[] {1000, "n8", 1}); // n8's row was deleted: its name is free again
            assertEquals(b.rows(), a.rows());
        }
    }
}
