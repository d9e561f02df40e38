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
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyless tables (rows keyed by content, with a duplicate count) in a three-way merge: Dolt's cardinality rule. */
@ExtendWith(TestRepoExtension.class)
class KeylessMergeTest {
    TestRepo t;
    Hash base;
    ChunkBuffer buf;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.createTable("main", "k", new TableSchema(List.of(
                new Column("name", ColumnType.of(TypeKind.VARCHAR, 20), true, null, false, null, 1),
                new Column("price", ColumnType.of(TypeKind.INT), true, null, false, null, 2)), List.of(), List.of()));
        t.insert("main", "k", row("pear", 5L));
        t.commitAll("main", "base");
        base = t.repo.workingSet("main").working();
        BranchOp.create(t.on("main"), "ours", null, false);
        BranchOp.create(t.on("main"), "theirs", null, false);
    }

    private RootMerger.Result merge() {
        buf = t.repo.newBuffer();
        return new RootMerger(t.repo, buf).mergeWithConflicts(root(base), root(t.repo.workingSet("ours").working()),
                root(t.repo.workingSet("theirs").working()));
    }

    private RootValue root(Hash h) {
        return t.repo.readRoot(t.repo.chunks(), h);
    }

    /** The merged table as (name, price, count) triples, in key order. */
    private List<List<Object>> counted(RootMerger.Result r) {
        TableValue tv = t.repo.readTable(buf, r.root().table("k").orElseThrow());
        RowCodec codec = new RowCodec(tv.schema());
        List<List<Object>> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(buf, tv.rows()).cursor()) {
            while (c.next()) {
                Object[] v = codec.decode(c.key(), c.value());
                out.add(List.of(v[0], v[1], codec.count(c.value())));
            }
        }
        return out;
    }

    @Test
    void rowsChangedOnOneSideOnlyMergeCleanly() {
        t.insert("ours", "k", row("apple", 1L));
        t.insert("theirs", "k", row("plum", 2L));
        t.edit("theirs", "k", ed -> ed.delete(row("pear", 5L)));
        RootMerger.Result r = merge();
        assertTrue(r.isClean());
        assertEquals(List.of(List.of("apple", 1L, 1L), List.of("plum", 2L, 1L)),
                counted(r).stream().sorted((a, b) -> ((String) a.get(0)).compareTo((String) b.get(0))).toList());
    }

    @Test
    void theSameRowInsertedOnBothSidesIsACardinalityConflict() {
        t.insert("ours", "k", row("apple", 1L), row("apple", 1L));
        t.insert("theirs", "k", row("apple", 1L));
        RootMerger.Result r = merge();
        assertEquals(1, r.conflicts().size());
        TableConflicts tc = r.conflicts().get(0);
        assertEquals(1, tc.rowConflictCount());
        ProllyMap conflicts = ProllyMap.load(buf, tc.rowConflicts());
        RowCodec codec = new RowCodec(t.workingTable("ours", "k").schema());
        try (ProllyCursor c = conflicts.cursor()) {
            assertTrue(c.next());
            ConflictCodec.Sides s = ConflictCodec.decode(c.value());
            assertNull(s.base());
            assertEquals(2, codec.count(s.ours()));
            assertEquals(1, codec.count(s.theirs()));
        }
        assertTrue(counted(r).contains(List.of("apple", 1L, 2L)), "the merged table keeps our count");
    }

    @Test
    void identicalChangesOnBothSidesStillConflict() {
        t.insert("ours", "k", row("apple", 1L));
        t.insert("theirs", "k", row("apple", 1L));
        t.edit("ours", "k", ed -> ed.delete(row("pear", 5L)));
        t.edit("theirs", "k", ed -> ed.delete(row("pear", 5L)));
        RootMerger.Result r = merge();
        assertEquals(2, r.conflicts().get(0).rowConflictCount(), "the added apple and the deleted pear, though "
                + "both sides hold the same table");
    }
}
