package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class BranchCheckoutTest {
    TestRepo t;
    Hash base;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        base = t.commitPeople("people", "base", row(1L, "ann", 10L));
    }

    @Test
    void createCopyRenameDelete() {
        BranchOp.create(t.on("main"), "a", null, false);
        assertThrows(VersioningException.class, () -> BranchOp.create(t.on("main"), "a", null, false));
        BranchOp.create(t.on("main"), "a", "HEAD~1", true);
        assertEquals(t.repo.readCommit(base).parents().get(0), t.repo.branchHead("a").orElseThrow());
        BranchOp.create(t.on("main"), "a", "main", true);
        t.insert("a", "people", row(2L, "x", 1L));
        BranchOp.copy(t.on("main"), "a", "b", false);
        assertEquals(t.repo.workingSet("a"), t.repo.workingSet("b"), "copy carries the working set");
        BranchOp.rename(t.on("main"), "b", "c", false);
        assertTrue(t.repo.branchHead("b").isEmpty());
        assertEquals(t.repo.workingSet("a"), t.repo.workingSet("c"));
        assertThrows(VersioningException.class, () -> BranchOp.create(t.on("main"), "bad..name", null, false));
        assertThrows(VersioningException.class, () -> BranchOp.delete(t.on("main"), "main", false));
        BranchOp.delete(t.on("main"), "c", false);
        assertFalse(t.repo.branches().contains("c"));
    }

    @Test
    void deletingAnUnmergedBranchNeedsForce() {
        BranchOp.create(t.on("main"), "topic", null, false);
        t.insert("topic", "people", row(2L, "x", 1L));
        t.commitAll("topic", "topic work");
        VersioningException e = assertThrows(VersioningException.class,
                () -> BranchOp.delete(t.on("main"), "topic", false));
        assertTrue(e.getMessage().contains("not fully merged"));
        BranchOp.delete(t.on("main"), "topic", true);
        assertTrue(t.repo.branchHead("topic").isEmpty());
    }

    @Test
    void checkoutCarriesChangesToABranchAtTheSameVersion() {
        BranchOp.create(t.on("main"), "topic", null, false);
        t.insert("main", "people", row(2L, "new", 1L));
        BranchContext now = CheckoutOp.switchTo(t.on("main"), "topic");
        assertEquals("topic", now.branch());
        assertEquals(2, t.workingRows("topic", "people").size());
        assertEquals(1, t.workingRows("main", "people").size(), "changes moved, not copied");
    }

    @Test
    void checkoutThatWouldOverwriteChangesIsRefusedAndChangesNothing() {
        BranchOp.create(t.on("main"), "topic", null, false);
        t.set("topic", "people", 1, "qty", 99L);
        t.commitAll("topic", "topic changes people");
        t.insert("main", "people", row(2L, "new", 1L));
        WorkingSet mainBefore = t.repo.workingSet("main");
        WorkingSet topicBefore = t.repo.workingSet("topic");
        VersioningException e = assertThrows(VersioningException.class,
                () -> CheckoutOp.switchTo(t.on("main"), "topic"));
        assertEquals(VersioningException.Reason.DIRTY_WORKING_SET, e.reason());
        assertTrue(e.getMessage().contains("people"));
        assertEquals(mainBefore, t.repo.workingSet("main"));
        assertEquals(topicBefore, t.repo.workingSet("topic"));
        assertThrows(VersioningException.class, () -> CheckoutOp.switchTo(t.on("main"), "nope"));
    }

    @Test
    void checkoutDashBAndRestoreTables() {
        t.set("main", "people", 1, "qty", 5L);
        BranchContext b = CheckoutOp.createAndSwitch(t.on("main"), "fix", null);
        assertEquals(5L, t.workingRows("fix", "people").get(0).get(2));
        CheckoutOp.restoreTables(b, List.of("people"));
        assertEquals(10L, t.workingRows("fix", "people").get(0).get(2));
    }

    @Test
    void resetSoftMixedHardAndTables() {
        t.insert("main", "people", row(2L, "b", 2L));
        Hash second = t.commitAll("main", "second");
        ResetOp.toRevision(t.on("main"), "HEAD~1", ResetOp.Mode.SOFT);
        assertEquals(base, t.on("main").head());
        assertEquals(t.repo.readCommit(second).root(), t.repo.workingSet("main").staged());
        ResetOp.toRevision(t.on("main"), null, ResetOp.Mode.MIXED);
        assertEquals(t.repo.readCommit(base).root(), t.repo.workingSet("main").staged());
        assertEquals(2, t.workingRows("main", "people").size());
        AddOp.add(t.on("main"), List.of("people"));
        ResetOp.tables(t.on("main"), List.of("people"));
        assertEquals(t.repo.readCommit(base).root(), t.repo.workingSet("main").staged());
        ResetOp.toRevision(t.on("main"), second.toString(), ResetOp.Mode.HARD);
        assertEquals(WorkingSet.clean(t.repo.readCommit(second).root()), t.repo.workingSet("main"));
        assertThrows(VersioningException.class, () -> ResetOp.toRevision(t.on("main"), "nope", ResetOp.Mode.HARD));
    }

    @Test
    void tagsLightweightAndAnnotated() {
        TagOp.create(t.on("main"), "v1", null, null, ALICE, false);
        TagOp.create(t.on("main"), "v0", "HEAD~1", "first release", ALICE, false);
        assertThrows(VersioningException.class, () -> TagOp.create(t.on("main"), "v1", null, null, ALICE, false));
        List<TagOp.TagInfo> tags = TagOp.list(t.on("main"));
        assertEquals(List.of("v0", "v1"), tags.stream().map(TagOp.TagInfo::name).toList());
        assertEquals("first release", tags.get(0).annotation().orElseThrow().message());
        assertEquals(t.repo.readCommit(base).parents().get(0), t.on("main").resolve("v0"));
        assertEquals(base, t.on("main").resolve("v1"));
        TagOp.delete(t.on("main"), "v1");
        assertThrows(VersioningException.class, () -> t.on("main").resolve("v1"));
    }

    @Test
    void rmAndClean() {
        t.createTable("main", "scratch", TestRepo.people(false));
        assertEquals(List.of("scratch"), CleanOp.run(t.on("main"), List.of(), true));
        assertTrue(StatusOp.run(t.on("main")).untracked().size() == 1, "dry run keeps it");
        CleanOp.run(t.on("main"), List.of(), false);
        assertTrue(StatusOp.run(t.on("main")).isClean());
        t.insert("main", "people", row(9L, "z", 9L));
        assertThrows(VersioningException.class, () -> RmOp.run(t.on("main"), List.of("people"), false, false));
        RmOp.run(t.on("main"), List.of("people"), false, true);
        Status s = StatusOp.run(t.on("main"));
        assertEquals("deleted", s.staged().get(0).describe());
        CommitOp.run(t.on("main"), dev.scion.versioning.ops.CommitOptions.of("rm people", ALICE));
        assertTrue(t.repo.readRoot(t.repo.chunks(), t.repo.readCommit(t.on("main").head()).root()).tables().isEmpty());
    }

    @Test
    void cherryPickAndRevert() {
        BranchOp.create(t.on("main"), "topic", null, false);
        t.insert("topic", "people", row(2L, "picked", 2L));
        Hash pick = t.commitAll("topic", "add picked");
        t.set("topic", "people", 1, "qty", 77L);
        t.commitAll("topic", "not picked");
        MergeOutcome o = PickOp.cherryPick(t.on("main"), pick.toString(), ALICE);
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        assertEquals("add picked", t.repo.readCommit(o.commit()).message());
        assertEquals(2, t.workingRows("main", "people").size());
        assertEquals(10L, t.workingRows("main", "people").get(0).get(2));
        MergeOutcome r = PickOp.revert(t.on("main"), "HEAD", ALICE);
        assertTrue(t.repo.readCommit(r.commit()).message().startsWith("Revert \"add picked\""));
        assertEquals(1, t.workingRows("main", "people").size());
    }

    @Test
    void blameNamesTheCommitThatLastChangedEachRow() {
        t.insert("main", "people", row(2L, "b", 2L));
        Hash second = t.commitAll("main", "second");
        t.set("main", "people", 1, "qty", 11L);
        Hash third = t.commitAll("main", "third");
        List<BlameOp.Line> lines = BlameOp.run(t.on("main"), "people", null);
        assertEquals(third, lines.get(0).commit());
        assertEquals(second, lines.get(1).commit());
        assertEquals(base, BlameOp.run(t.on("main"), "people", "HEAD~2").get(0).commit());
    }
}
