package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.BranchOp;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NOT NULL in a merge: NULLs one side wrote into a column the other side made NOT NULL are violations. */
@ExtendWith(TestRepoExtension.class)
class NotNullMergeTest {
    TestRepo t;
    Hash base;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.commitPeople("p", "base", row(1L, "a", 1L), row(3L, "c", 3L));
        base = t.repo.workingSet("main").working();
        BranchOp.create(t.on("main"), "ours", null, false);
        BranchOp.create(t.on("main"), "theirs", null, false);
    }

    private static TableSchema qtyNotNull() {
        TableSchema s = TestRepo.people(false);
        List<Column> cols = new ArrayList<>(s.columns());
        Column q = cols.get(2);
        cols.set(2, new Column(q.name(), q.type(), false, null, false, null, q.tag()));
        return new TableSchema(cols, s.primaryKey(), s.indexes());
    }

    private RootMerger.Result merge(ChunkBuffer buf) {
        return new RootMerger(t.repo, buf).mergeWithConflicts(root(base), root(t.repo.workingSet("ours").working()),
                root(t.repo.workingSet("theirs").working()));
    }

    private RootValue root(Hash h) {
        return t.repo.readRoot(t.repo.chunks(), h);
    }

    private static List<String> recorded(ChunkBuffer buf, TableConflicts tc) {
        List<String> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(buf, tc.violations()).cursor()) {
            while (c.next()) {
                out.add(ViolationRecord.decode(c.value()).description());
            }
        }
        return out;
    }

    @Test
    void nullsWrittenIntoAColumnTheOtherSideMadeNotNullAreViolations() {
        t.alterTable("ours", "p", qtyNotNull());
        t.insert("ours", "p", row(4L, "d", 4L));
        t.insert("theirs", "p", row(2L, "b", null));
        ChunkBuffer buf = t.repo.newBuffer();
        RootMerger.Result r = merge(buf);
        assertEquals(1, r.conflicts().size());
        TableConflicts tc = r.conflicts().get(0);
        assertEquals(0, tc.rowConflictCount());
        assertEquals(List.of("not null {\"Columns\": [\"qty\"]}"), recorded(buf, tc));
        assertEquals(List.of(1L, 3L, 4L), keys(buf, r.root()), "the NULL row is kept only in the violation map");
        try (ProllyCursor c = ProllyMap.load(buf, tc.violations()).cursor()) {
            c.next();
            ViolationRecord v = ViolationRecord.decode(c.value());
            Object[] kept = new RowCodec(qtyNotNull()).decode(c.key(), v.rowValue());
            assertEquals("b", kept[1], "the record holds a copy of the row");
        }
    }

    private List<Long> keys(ChunkBuffer buf, RootValue merged) {
        TableValue p = t.repo.readTable(buf, merged.table("p").orElseThrow());
        RowCodec codec = new RowCodec(p.schema());
        List<Long> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(buf, p.rows()).cursor()) {
            while (c.next()) {
                out.add(((Number) codec.decode(c.key(), c.value())[0]).longValue());
            }
        }
        return out;
    }

    @Test
    void theOtherWayRoundEveryRowIsChecked() {
        t.insert("ours", "p", row(2L, "b", null));
        t.alterTable("theirs", "p", qtyNotNull());
        t.insert("theirs", "p", row(4L, "d", 4L));
        ChunkBuffer buf = t.repo.newBuffer();
        RootMerger.Result r = merge(buf);
        assertEquals(1, r.conflicts().get(0).violationCount(), "our own NULL row breaks their new NOT NULL");
        assertEquals(List.of(1L, 3L, 4L), keys(buf, r.root()));
    }

    @Test
    void noNullsNoViolations() {
        t.alterTable("ours", "p", qtyNotNull());
        t.insert("theirs", "p", row(2L, "b", 2L));
        assertTrue(merge(t.repo.newBuffer()).isClean());
    }
}
