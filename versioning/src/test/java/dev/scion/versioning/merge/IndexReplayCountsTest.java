package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.BranchOp;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A transaction commit's replay takes an index tree as it is when one side left it as in base
 * (docs/performance.md, "Round 15 (write transactions)"): rows decoded and index trees edited, counts never times.
 * Each merged table must equal the table with its indexes built from scratch.
 */
class IndexReplayCountsTest {
    @TempDir
    Path dir;

    /** Ours (the commit that got in first) and theirs (the transaction committing) each change one row. */
    private record Counts(long rowsDecoded, long indexTreesEdited) {
    }

    @Test
    void neitherSideTouchesTheIndex() {
        Counts c = mergeOf((t, b) -> t.set(b, "t", 1, "qty", 10L), (t, b) -> t.set(b, "t", 2, "qty", 20L),
                List.of(List.of(1L, "a", 10L), List.of(2L, "b", 20L), List.of(3L, "c", 3L)));
        assertEquals(new Counts(0, 0), c);
    }

    @Test
    void onlyOursChangedTheIndex() {
        Counts c = mergeOf((t, b) -> t.set(b, "t", 1, "name", "z"), (t, b) -> t.set(b, "t", 2, "qty", 20L),
                List.of(List.of(1L, "z", 1L), List.of(2L, "b", 20L), List.of(3L, "c", 3L)));
        assertEquals(new Counts(0, 0), c);
    }

    @Test
    void onlyTheCommittingTransactionChangedTheIndex() {
        Counts c = mergeOf((t, b) -> t.set(b, "t", 1, "qty", 10L), (t, b) -> {
            t.set(b, "t", 2, "name", "y");
            t.delete(b, "t", 3);
            t.insert(b, "t", row(4L, "d", 4L));
        }, List.of(List.of(1L, "a", 10L), List.of(2L, "y", 2L), List.of(4L, "d", 4L)));
        assertEquals(new Counts(0, 0), c);
    }

    @Test
    void bothSidesChangedTheIndex() {
        Counts c = mergeOf((t, b) -> t.set(b, "t", 1, "name", "z"), (t, b) -> t.set(b, "t", 2, "name", "y"),
                List.of(List.of(1L, "z", 1L), List.of(2L, "y", 2L), List.of(3L, "c", 3L)));
        // the one changed row of theirs, decoded once for its old and new entries; one index tree edited
        assertEquals(new Counts(1, 1), c);
    }

    private interface Change {
        void apply(TestRepo t, String branch);
    }

    private Counts mergeOf(Change oursChange, Change theirsChange, List<List<Object>> expected) {
        TestRepo t = new TestRepo(dir);
        try {
            t.createTable("main", "t", TestRepo.people(true));
            t.insert("main", "t", row(1L, "a", 1L), row(2L, "b", 2L), row(3L, "c", 3L));
            t.commitAll("main", "base");
            Hash base = t.repo.workingSet("main").working();
            BranchOp.create(t.on("main"), "x", null, false);
            BranchOp.create(t.on("main"), "y", null, false);
            oursChange.apply(t, "x");
            theirsChange.apply(t, "y");
            ChunkBuffer out = t.repo.newBuffer();
            long decoded = TableMerger.rowsDecodedForIndexes();
            long edited = TableMerger.indexTreesEdited();
            RootValue merged = RootMerger.forTransactionCommit(t.repo, out, RowConstraintChecker.NONE)
                    .merge(root(t, out, base), root(t, out, t.repo.workingSet("x").working()),
                            root(t, out, t.repo.workingSet("y").working()));
            Counts counts = new Counts(TableMerger.rowsDecodedForIndexes() - decoded,
                    TableMerger.indexTreesEdited() - edited);
            TableValue table = t.repo.readTable(out, merged.tableHash("t"));
            // the same trees a build from the merged rows gives
            assertEquals(IndexRebuilder.rebuild(out, table).indexes(), table.indexes());
            WorkingSet ws = t.repo.workingSet("x");
            t.repo.updateWorkingSet("x", ws, ws.withWorking(merged.write(out)), out);
            assertEquals(expected, t.workingRows("x", "t"));
            return counts;
        } finally {
            t.close();
        }
    }

    private static RootValue root(TestRepo t, ChunkBuffer out, Hash h) {
        return t.repo.readRoot(out, h);
    }
}
