package dev.scion.versioning.table;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link TableEditor#pendingChanges} reports exactly the rows and index entries in which the finished table differs
 * from its base, and takes the base's versions from the rows its writes read instead of looking them up again.
 */
class TableEditorPendingChangesTest {
    @TempDir
    Path dir;

    @Test
    void pendingChangesAreTheDifferenceBetweenBaseAndFinishedTable() {
        try (TestRepo t = new TestRepo(dir)) {
            ChunkBuffer buf = t.repo.newBuffer();
            TableValue base = seeded(buf);
            Random random = new Random(17);
            for (int round = 0; round < 40; round++) {
                TableEditor editor = new TableEditor("people", base, buf);
                int statements = 1 + random.nextInt(12);
                for (int s = 0; s < statements; s++) {
                    TableEditor statement = editor.fork();
                    try {
                        write(statement, random);
                        editor = statement; // a statement that failed leaves its transaction's editor as it was
                    } catch (DuplicateKeyException e) {
                        // a taken name: the fork is dropped
                    }
                }
                assertMatchesFinish(buf, base, editor);
            }
        }
    }

    @Test
    void writesThatReadTheirRowsNeedNoLookupInTheBase() {
        try (TestRepo t = new TestRepo(dir)) {
            ChunkBuffer buf = t.repo.newBuffer();
            TableValue base = seeded(buf);
            TableEditor editor = new TableEditor("people", base, buf);
            editor.insert(new Object[] {500, "new", 5});
            Object[] row = editor.getByKey(key(editor, 7));
            editor.update(row, new Object[] {7, row[1], 99}); // the non-unique index entry moves
            Object[] other = editor.getByKey(key(editor, 8));
            editor.update(other, new Object[] {8, "renamed", other[2]}); // the unique one moves
            Object[] moved = editor.getByKey(key(editor, 9));
            editor.update(moved, new Object[] {600, moved[1], moved[2]}); // a new primary key
            editor.delete(editor.getByKey(key(editor, 10)));
            Object[] same = editor.getByKey(key(editor, 11));
            editor.update(same, same.clone()); // deleted and put back: no change
            long before = TableEditor.baseLookups();
            TableChanges changes = editor.pendingChanges();
            assertEquals(0, TableEditor.baseLookups() - before);
            assertMatchesFinish(buf, base, editor);
            assertEquals(6, changes.rows().size()); // 500, 7, 8, 9 and 600 (a moved key), 10; 11 is unchanged
        }
    }

    private static TableValue seeded(ChunkBuffer buf) {
        TableSchema people = TestRepo.people(true);
        List<IndexDef> indexes = new ArrayList<>(people.indexes());
        indexes.add(new IndexDef("ix_qty", List.of("qty"), false));
        TableSchema schema = new TableSchema(people.columns(), people.primaryKey(), indexes);
        TableValue empty = new TableValue(schema, ProllyMap.empty(buf).root(), Map.of(), 1);
        TableEditor seed = new TableEditor("people", empty, buf);
        for (int i = 1; i <= 300; i++) {
            seed.insert(new Object[] {i, "n" + i, i % 37});
        }
        return seed.finish();
    }

    /** One write the way the write path makes it: a row is read before it is changed. */
    private static void write(TableEditor ed, Random random) {
        int id = 1 + random.nextInt(340);
        Object[] row = ed.getByKey(key(ed, id));
        int op = random.nextInt(6);
        if (row == null) {
            ed.insert(new Object[] {id, random.nextInt(4) == 0 ? "n" + random.nextInt(340) : "x" + id,
                random.nextInt(5) == 0 ? null : random.nextInt(37)});
        } else if (op == 0) {
            ed.delete(row);
        } else if (op == 1) {
            ed.update(row, new Object[] {id, row[1], random.nextInt(37)});
        } else if (op == 2) {
            ed.update(row, new Object[] {id, "n" + random.nextInt(340), row[2]});
        } else if (op == 3) {
            int to = 1 + random.nextInt(340);
            if (ed.getByKey(key(ed, to)) == null) {
                ed.update(row, new Object[] {to, row[1], row[2]});
            }
        } else if (op == 4) {
            ed.update(row, new Object[] {id, "n" + id, id % 37}); // back to the seeded row, maybe
        } else {
            ed.update(row, row.clone());
        }
    }

    private static void assertMatchesFinish(ChunkBuffer buf, TableValue base, TableEditor editor) {
        TableChanges changes = editor.pendingChanges();
        assertNotNull(changes);
        TableValue finished = editor.fork().finish();
        List<Object[]> expectedRows = difference(buf, base.rows(), finished.rows());
        assertEquals(expectedRows.size(), changes.rows().size());
        for (int i = 0; i < expectedRows.size(); i++) {
            TableChanges.Row r = changes.rows().get(i);
            assertArrayEquals((byte[]) expectedRows.get(i)[0], r.key());
            assertArrayEquals((byte[]) expectedRows.get(i)[1], r.before());
            assertArrayEquals((byte[]) expectedRows.get(i)[2], r.after());
        }
        for (TableChanges.IndexEntries ix : changes.indexes()) {
            List<Object[]> expected = difference(buf, base.indexes().get(ix.index()), finished.indexes().get(ix.index()));
            assertEquals(expected.size(), ix.keys().size(), ix.index());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals((byte[]) expected.get(i)[0], ix.keys().get(i));
                assertArrayEquals((byte[]) expected.get(i)[2], ix.values().get(i));
            }
        }
    }

    /** Key, value in a and value in b of every key whose value differs, in key order. */
    private static List<Object[]> difference(ChunkBuffer buf, Hash a, Hash b) {
        TreeMap<byte[], byte[]> left = entries(buf, a);
        TreeMap<byte[], byte[]> right = entries(buf, b);
        TreeMap<byte[], Object[]> diff = new TreeMap<>(KeyBytes.ORDER);
        for (var e : left.entrySet()) {
            byte[] other = right.get(e.getKey());
            if (!Arrays.equals(e.getValue(), other)) {
                diff.put(e.getKey(), new Object[] {e.getKey(), e.getValue(), other});
            }
        }
        for (var e : right.entrySet()) {
            if (!left.containsKey(e.getKey())) {
                diff.put(e.getKey(), new Object[] {e.getKey(), null, e.getValue()});
            }
        }
        return new ArrayList<>(diff.values());
    }

    private static TreeMap<byte[], byte[]> entries(ChunkBuffer buf, Hash root) {
        TreeMap<byte[], byte[]> all = new TreeMap<>(KeyBytes.ORDER);
        try (ProllyCursor c = ProllyMap.load(buf, root).cursor()) {
            while (c.next()) {
                all.put(c.key(), c.value());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    private static byte[] key(TableEditor editor, int id) {
        return editor.codec().keyFromKeyValues(new Object[] {id});
    }
}
