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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A fork starts with its editor's pending writes and changes independently of it: a transaction's deferred rows
 * stay as they were when a statement that edited a fork of them fails, and a fork that is kept ends where the
 * same writes on one editor end.
 */
class TableEditorForkTest {
    @TempDir
    Path dir;

    @Test
    void aForkSeesItsParentsWritesAndChangesNothingOfThem() {
        try (TestRepo t = new TestRepo(dir)) {
            ChunkBuffer buf = t.repo.newBuffer();
            TableValue empty = new TableValue(TestRepo.people(true), ProllyMap.empty(buf).root(), Map.of(), 1);
            TableEditor seed = new TableEditor("people", empty, buf);
            for (int i = 1; i <= 50; i++) {
                seed.insert(new Object[] {i, "n" + i, i});
            }
            TableValue base = seed.finish();

            TableEditor parent = new TableEditor("people", base, buf);
            parent.update(parent.getByKey(key(parent, 3)), new Object[] {3, "three", 30});
            parent.delete(parent.getByKey(key(parent, 4)));
            int pending = parent.pendingCount();
            TableValue parentBefore = parent.fork().finish();

            TableEditor fork = parent.fork();
            assertEquals("three", fork.getByKey(key(fork, 3))[1]);
            assertNull(fork.getByKey(key(fork, 4)));
            fork.insert(new Object[] {4, "four again", 40});
            fork.delete(fork.getByKey(key(fork, 3)));
            assertThrows(DuplicateKeyException.class, () -> fork.insert(new Object[] {60, "n7", 1}));
            TableValue forked = fork.finish();

            // the parent reads, checks and builds as before the fork
            assertEquals(pending, parent.pendingCount());
            assertEquals("three", parent.getByKey(key(parent, 3))[1]);
            assertNull(parent.getByKey(key(parent, 4)));
            assertThrows(DuplicateKeyException.class, () -> parent.fork().insert(new Object[] {61, "three", 1}));
            TableValue parentAfter = parent.finish();
            assertEquals(parentBefore.rows(), parentAfter.rows());
            assertEquals(parentBefore.indexes(), parentAfter.indexes());
            assertNotEquals(parentAfter.rows(), forked.rows());

            // the same writes on one editor build the fork's trees
            TableEditor one = new TableEditor("people", base, buf);
            one.update(one.getByKey(key(one, 3)), new Object[] {3, "three", 30});
            one.delete(one.getByKey(key(one, 4)));
            one.insert(new Object[] {4, "four again", 40});
            one.delete(one.getByKey(key(one, 3)));
            TableValue direct = one.finish();
            assertEquals(direct.rows(), forked.rows());
            assertEquals(direct.indexes(), forked.indexes());
        }
    }

    private static byte[] key(TableEditor editor, int id) {
        return editor.codec().keyFromKeyValues(new Object[] {id});
    }
}
