package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class MergeOpTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.commitPeople("people", "base", row(1L, "ann", 10L), row(2L, "bob", 20L), row(3L, "cy", 30L));
        BranchOp.create(t.on("main"), "feature", null, false);
    }

    private static List<Object> r(Object... v) {
        return new ArrayList<>(List.of(v));
    }

    @Test
    void fastForwardsWhenHeadIsTheBase() {
        t.set("feature", "people", 1, "qty", 11L);
        Hash f = t.commitAll("feature", "bump ann");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.FAST_FORWARD, o.kind());
        assertEquals(f, t.on("main").head());
        assertEquals(11L, t.workingRows("main", "people").get(0).get(2));
    }

    @Test
    void alreadyUpToDateChangesNothing() {
        Hash before = t.on("main").head();
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.UP_TO_DATE, o.kind());
        assertEquals(before, t.on("main").head());
    }

    @Test
    void noFastForwardWritesAMergeCommitWithTwoParents() {
        t.set("feature", "people", 1, "qty", 11L);
        Hash f = t.commitAll("feature", "bump ann");
        Hash m = t.on("main").head();
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", new MergeOptions(true, false, false, null, ALICE));
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        Commit c = t.repo.readCommit(t.on("main").head());
        assertEquals(List.of(m, f), c.parents());
        assertEquals("Merge branch 'feature' into main", c.message());
        assertEquals(4, c.height(), "init 1, base 2, feature 3, merge 4");
    }

    @Test
    void differentColumnsOfOneRowMergeCleanly() {
        t.set("main", "people", 2, "name", "bobby");
        t.commitAll("main", "rename bob");
        t.set("feature", "people", 2, "qty", 99L);
        t.insert("feature", "people", row(4L, "dee", 40L));
        t.commitAll("feature", "bob qty, add dee");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        assertEquals(List.of(r(1L, "ann", 10L), r(2L, "bobby", 99L), r(3L, "cy", 30L), r(4L, "dee", 40L)),
                t.workingRows("main", "people"));
        assertEquals(2, t.repo.readCommit(t.on("main").head()).parents().size());
    }

    @Test
    void sameCellChangedDifferentlyIsAConflictHoldingAllThreeVersions() {
        t.set("main", "people", 2, "qty", 21L);
        t.commitAll("main", "main qty");
        t.set("feature", "people", 2, "qty", 22L);
        Hash theirs = t.commitAll("feature", "feature qty");
        Hash head = t.on("main").head();
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        assertEquals(head, t.on("main").head(), "nothing committed");
        WorkingSet ws = t.repo.workingSet("main");
        assertEquals(theirs, ws.mergeSource());
        TableConflicts tc = ws.mergeState().table("people").orElseThrow();
        assertEquals(1, tc.rowConflictCount());
        List<ConflictsOp.RowConflict> rows = ConflictsOp.rows(t.on("main"), "people");
        assertEquals(20L, rows.get(0).base()[2]);
        assertEquals(21L, rows.get(0).ours()[2]);
        assertEquals(22L, rows.get(0).theirs()[2]);
        VersioningException e = assertThrows(VersioningException.class,
                () -> CommitOp.run(t.on("main"), CommitOptions.of("try", ALICE)));
        assertEquals(VersioningException.Reason.MERGE_STATE, e.reason());

        ConflictsOp.resolve(t.on("main"), "people", ConflictsOp.Side.THEIRS);
        assertEquals(22L, t.workingRows("main", "people").get(1).get(2));
        Hash c = CommitOp.run(t.on("main"), CommitOptions.of("merged", ALICE));
        assertEquals(List.of(head, theirs), t.repo.readCommit(c).parents());
        assertTrue(!t.repo.workingSet("main").isMerging());
    }

    @Test
    void deleteAgainstModifyConflictsAndResolvesRowByRow() {
        t.delete("main", "people", 1);
        t.set("main", "people", 3, "qty", 31L);
        t.commitAll("main", "main");
        t.set("feature", "people", 1, "qty", 12L);
        t.set("feature", "people", 3, "qty", 32L);
        t.commitAll("feature", "feature");
        MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(2, ConflictsOp.rows(t.on("main"), "people").size());
        ConflictsOp.resolveRow(t.on("main"), "people", new Object[] {1L}, ConflictsOp.Side.THEIRS);
        assertEquals(1, t.repo.workingSet("main").mergeState().table("people").orElseThrow().rowConflictCount());
        ConflictsOp.resolveRow(t.on("main"), "people", new Object[] {3L}, ConflictsOp.Side.OURS);
        assertTrue(t.repo.workingSet("main").mergeState().table("people").isEmpty());
        assertEquals(List.of(r(1L, "ann", 12L), r(2L, "bob", 20L), r(3L, "cy", 31L)), t.workingRows("main", "people"));
        CommitOp.run(t.on("main"), CommitOptions.of("resolved", ALICE));
        assertEquals(t.repo.readCommit(t.on("main").head()).root(), t.repo.workingSet("main").staged());
    }

    @Test
    void abortRestoresThePreMergeState() {
        t.set("main", "people", 2, "qty", 21L);
        t.commitAll("main", "main qty");
        t.set("feature", "people", 2, "qty", 22L);
        t.commitAll("feature", "feature qty");
        WorkingSet before = t.repo.workingSet("main");
        MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        VersioningException again = assertThrows(VersioningException.class,
                () -> MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE)));
        assertEquals(VersioningException.Reason.MERGE_STATE, again.reason());
        MergeOp.abort(t.on("main"));
        assertEquals(before, t.repo.workingSet("main"));
        assertThrows(VersioningException.class, () -> MergeOp.abort(t.on("main")));
    }

    @Test
    void mergeWithDirtyWorkingSetIsRefusedAndChangesNothing() {
        t.set("feature", "people", 2, "qty", 22L);
        t.commitAll("feature", "feature qty");
        t.set("main", "people", 3, "qty", 0L);
        WorkingSet before = t.repo.workingSet("main");
        Hash head = t.on("main").head();
        VersioningException e = assertThrows(VersioningException.class,
                () -> MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE)));
        assertEquals(VersioningException.Reason.DIRTY_WORKING_SET, e.reason());
        assertEquals(before, t.repo.workingSet("main"));
        assertEquals(head, t.on("main").head());
    }

    @Test
    void squashLeavesTheMergedRootStagedWithoutACommit() {
        t.set("main", "people", 1, "qty", 1L);
        t.commitAll("main", "m");
        t.set("feature", "people", 2, "qty", 2L);
        t.commitAll("feature", "f");
        Hash head = t.on("main").head();
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", new MergeOptions(false, true, false, null, ALICE));
        assertEquals(MergeOutcome.Kind.STAGED, o.kind());
        assertEquals(head, t.on("main").head());
        WorkingSet ws = t.repo.workingSet("main");
        assertNull(ws.mergeSource());
        Hash c = CommitOp.run(t.on("main"), CommitOptions.of("squashed", ALICE));
        assertEquals(1, t.repo.readCommit(c).parents().size());
        assertEquals(List.of(r(1L, "ann", 1L), r(2L, "bob", 2L), r(3L, "cy", 30L)), t.workingRows("main", "people"));
    }

    @Test
    void columnAddedOnOneSideMergesWithRowChangesOnTheOther() {
        TableSchema withEmail = new TableSchema(new ArrayList<>(TestRepo.people(false).columns()) {{
            add(new Column("email", ColumnType.of(TypeKind.VARCHAR, 80), true, null, false, null, 4));
        }}, List.of("id"), List.of());
        t.alterTable("main", "people", withEmail);
        t.set("main", "people", 1, "email", "ann@x");
        t.commitAll("main", "email column");
        t.set("feature", "people", 2, "qty", 25L);
        t.insert("feature", "people", row(5L, "eve", 50L));
        t.commitAll("feature", "feature rows");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        assertEquals(withEmail, t.workingTable("main", "people").schema());
        List<Object> eve = new ArrayList<>();
        eve.add(5L);
        eve.add("eve");
        eve.add(50L);
        eve.add(null);
        assertEquals(r(1L, "ann", 10L, "ann@x"), t.workingRows("main", "people").get(0));
        assertEquals(25L, t.workingRows("main", "people").get(1).get(2));
        assertEquals(eve, t.workingRows("main", "people").get(3));
    }

    @Test
    void renameOnOneSideAndTypeChangeOnTheOtherCombine() {
        TableSchema base = TestRepo.people(false);
        List<Column> renamed = new ArrayList<>(base.columns());
        renamed.set(1, renamed.get(1).withName("full_name"));
        t.alterTable("main", "people", new TableSchema(renamed, List.of("id"), List.of()));
        t.commitAll("main", "rename name");
        List<Column> widened = new ArrayList<>(base.columns());
        Column n = widened.get(1);
        widened.set(1, new Column(n.name(), ColumnType.of(TypeKind.VARCHAR, 80), n.nullable(), null, false, null,
                n.tag()));
        t.alterTable("feature", "people", new TableSchema(widened, List.of("id"), List.of()));
        t.commitAll("feature", "varchar(80) name");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        Column merged = t.workingTable("main", "people").schema().columns().get(1);
        assertEquals("full_name", merged.name());
        assertEquals(ColumnType.of(TypeKind.VARCHAR, 80), merged.type());
    }

    @Test
    void sameColumnChangedDifferentlyIsASchemaConflictResolvableToOneSide() {
        TableSchema base = TestRepo.people(false);
        List<Column> a = new ArrayList<>(base.columns());
        a.set(1, new Column("name", ColumnType.of(TypeKind.VARCHAR, 100), true, null, false, null, 2));
        t.alterTable("main", "people", new TableSchema(a, List.of("id"), List.of()));
        t.commitAll("main", "name 100");
        List<Column> b = new ArrayList<>(base.columns());
        b.set(1, new Column("name", ColumnType.of(TypeKind.TEXT), true, null, false, null, 2));
        t.alterTable("feature", "people", new TableSchema(b, List.of("id"), List.of()));
        t.commitAll("feature", "name text");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        TableConflicts tc = o.conflicts().get(0);
        assertTrue(tc.schemaConflict().contains("definition of column 'name'"), tc.schemaConflict());
        ConflictsOp.resolve(t.on("main"), "people", ConflictsOp.Side.THEIRS);
        assertEquals(TypeKind.TEXT, t.workingTable("main", "people").schema().columns().get(1).type().kind());
        CommitOp.run(t.on("main"), CommitOptions.of("took theirs", ALICE));
    }

    @Test
    void uniqueViolationsAreRecordedNotApplied() {
        t.createTable("main", "u", TestRepo.people(true));
        t.insert("main", "u", row(1L, "a", 1L));
        t.commitAll("main", "u");
        MergeOp.merge(t.on("feature"), "main", MergeOptions.defaults(ALICE));
        t.insert("main", "u", row(2L, "same", 2L));
        t.commitAll("main", "main same");
        t.insert("feature", "u", row(3L, "same", 3L));
        t.commitAll("feature", "feature same");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        List<ConflictsOp.Violation> v = ConflictsOp.violations(t.on("main"), "u");
        assertEquals(2, v.size());
        assertTrue(v.get(0).description().contains("uq_name"));
        assertEquals(3, t.workingRows("main", "u").size(), "both rows kept, violation recorded");
        assertEquals(2, ConflictsOp.recheckViolations(t.on("main"), "u"), "still violated");
        t.set("main", "u", 3, "name", "other");
        assertEquals(0, ConflictsOp.recheckViolations(t.on("main"), "u"));
        CommitOp.run(t.on("main"), CommitOptions.of("fixed", ALICE).withAll());
    }

    @Test
    void mergeBaseIsTheLowestCommonAncestor() {
        Hash fork = t.on("main").head();
        t.set("main", "people", 1, "qty", 1L);
        Hash m = t.commitAll("main", "m");
        t.set("feature", "people", 2, "qty", 2L);
        Hash f = t.commitAll("feature", "f");
        assertEquals(fork, MergeBase.find(t.repo, m, f).orElseThrow());
        MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(f, MergeBase.find(t.repo, t.on("main").head(), f).orElseThrow());
        assertTrue(MergeBase.isAncestor(t.repo, fork, t.on("main").head()));
    }
}
