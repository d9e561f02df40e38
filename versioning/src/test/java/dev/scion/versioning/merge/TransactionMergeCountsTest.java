package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.BranchOp;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a transaction commit's merge reads (docs/performance.md, "Round 14 (commit path)"): counts, never times.
 */
class TransactionMergeCountsTest {
    private static final int FILLER_TABLES = 1_000;

    @TempDir
    Path dir;

    /**
     * Two transactions changed different rows of one table among a thousand. The merge of the second looks up the
     * tables it touches in ours' table map (a few paths of it); it used to compare the merged root with ours to skip
     * its constraint checks, and with the merge's overlay that comparison listed both table maps in full.
     */
    @Test
    void aTransactionMergeReadsPathsOfOursTableMapNotAllOfIt() {
        TestRepo t = new TestRepo(dir);
        try {
            t.createTable("main", "t", TestRepo.people(false));
            t.insert("main", "t", row(1L, "a", 1L), row(2L, "b", 2L));
            addFillerTables(t);
            t.commitAll("main", "base");
            Hash base = t.repo.workingSet("main").working();
            BranchOp.create(t.on("main"), "x", null, false);
            BranchOp.create(t.on("main"), "y", null, false);
            t.set("x", "t", 1, "qty", 10L);
            t.set("y", "t", 2, "qty", 20L);
            Hash oursHash = t.repo.workingSet("x").working();
            Hash theirsHash = t.repo.workingSet("y").working();

            // ours' table map is read through a buffer of its own, which counts its reads
            ChunkBuffer counting = new ChunkBuffer(t.repo.chunks());
            RootValue ours = RootValue.decode(t.repo.chunks().get(oursHash), counting);
            ChunkBuffer out = t.repo.newBuffer();
            RootValue merged = RootMerger.forTransactionCommit(t.repo, out, RowConstraintChecker.NONE)
                    .knowingOurForeignKeys(t.repo.foreignKeys(out, oursHash))
                    .merge(root(t, base), ours, root(t, theirsHash));
            System.out.println("FIGURE chunks of ours' table map a merged one-row transaction reads, "
                    + (FILLER_TABLES + 1) + " tables = " + counting.reads());
            // a handful of lookups (the changed table's entry, its stored name), each one path of a map of depth
            // 2-3: listing it reads every one of its 20-odd leaves, twice
            assertTrue(counting.reads() <= 16, "read " + counting.reads() + " chunks of ours' table map");

            // the merged table value is kept decoded, as a statement's is: reading it back reads no chunk
            ChunkBuffer probe = new ChunkBuffer(out);
            t.repo.readTable(probe, merged.tableHash("t"));
            assertEquals(0, probe.reads(), "chunks read to decode the merged table value");

            WorkingSet ws = t.repo.workingSet("x");
            t.repo.updateWorkingSet("x", ws, ws.withWorking(merged.write(out)), out);
            assertEquals(List.of(List.of(1L, "a", 10L), List.of(2L, "b", 20L)), t.workingRows("x", "t"));
        } finally {
            t.close();
        }
    }

    /** The same table value under a thousand more long names: a table map of many leaves, written once. */
    private static void addFillerTables(TestRepo t) {
        WorkingSet ws = t.repo.workingSet("main");
        ChunkBuffer buf = t.repo.newBuffer();
        RootValue root = t.repo.readRoot(buf, ws.working());
        Hash table = root.tableHash("t");
        for (int i = 0; i < FILLER_TABLES; i++) {
            root = root.withTable(String.format(Locale.ROOT, "filler_table_with_a_long_name_%04d", i), table);
        }
        t.repo.updateWorkingSet("main", ws, ws.withWorking(root.write(buf)), buf);
    }

    private static RootValue root(TestRepo t, Hash h) {
        return t.repo.readRoot(t.repo.chunks(), h);
    }
}
