package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operations over a history with a merge commit: blame through both parents, -m picks, a detached HEAD. */
@ExtendWith(TestRepoExtension.class)
class MergeCommitHistoryTest {
    TestRepo t;
    Hash base;
    Hash onFeature;
    Hash onMain;
    Hash merge;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        base = t.commitPeople("people", "base", row(1L, "ann", 10L), row(2L, "bob", 20L), row(3L, "cy", 30L));
        BranchOp.create(t.on("main"), "feature", null, false);
        t.set("feature", "people", 2, "qty", 22L);
        onFeature = t.commitAll("feature", "feature: bob");
        t.set("main", "people", 1, "qty", 11L);
        onMain = t.commitAll("main", "main: ann");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", new MergeOptions(true, false, false, null, ALICE));
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        merge = t.on("main").head();
    }

    @Test
    void blameGivesARowTakenFromTheMergedBranchToThatBranchsCommit() {
        List<BlameOp.Line> lines = BlameOp.run(t.on("main"), "people", null);
        assertEquals(List.of(onMain, onFeature, base), lines.stream().map(BlameOp.Line::commit).toList(),
                "ann changed on main, bob on feature, cy untouched since base; none of it by the merge");
    }

    @Test
    void blameBlamesTheMergeForWhatItChangedItself() {
        // a change made while concluding the merge is in neither parent
        t.set("feature", "people", 3, "qty", 33L);
        t.commitAll("feature", "feature: cy");
        t.set("main", "people", 3, "qty", 31L);
        t.commitAll("main", "main: cy");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        ConflictsOp.resolve(t.on("main"), "people", ConflictsOp.Side.THEIRS);
        t.set("main", "people", 3, "qty", 35L);
        Hash resolved = t.commitAll("main", "merge with a fix");
        assertEquals(resolved, BlameOp.run(t.on("main"), "people", null).get(2).commit());
    }

    @Test
    void pickingAMergeNeedsTheMainlineParent() {
        VersioningException none = assertThrows(VersioningException.class,
                () -> PickOp.revert(t.on("main"), merge.toString(), null, ALICE));
        assertEquals("error: commit " + merge + " is a merge but no -m option was given.", none.getMessage());
        VersioningException beyond = assertThrows(VersioningException.class,
                () -> PickOp.cherryPick(t.on("main"), merge.toString(), 3, ALICE));
        assertEquals("error: commit " + merge + " does not have parent 3", beyond.getMessage());
        assertEquals(merge, t.on("main").head(), "refusals change nothing");
    }

    @Test
    void revertOfAMergeAgainstTheFirstParentUndoesTheBranchsChange() {
        MergeOutcome o = PickOp.revert(t.on("main"), "HEAD", 1, ALICE);
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        assertEquals(List.of(11L, 20L, 30L), t.workingRows("main", "people").stream().map(r -> r.get(2)).toList());
        Commit c = t.repo.readCommit(o.commit());
        // Dolt's revert message: the reverted subject alone (git would add "This reverts commit ...")
        assertEquals("Revert \"Merge branch 'feature' into main\"", c.message());
    }

    @Test
    void cherryPickOfAMergeAgainstTheFirstParentBringsTheBranchsChange() {
        BranchOp.create(t.on("main"), "other", base.toString(), false);
        MergeOutcome o = PickOp.cherryPick(t.on("other"), merge.toString(), 1, ALICE);
        assertEquals(MergeOutcome.Kind.COMMITTED, o.kind());
        assertEquals(List.of(10L, 22L, 30L), t.workingRows("other", "people").stream().map(r -> r.get(2)).toList());
    }

    @Test
    void aDetachedContextReadsTheCommitAndHasNoBranch() {
        BranchContext d = BranchContext.detached(t.repo, onFeature);
        assertTrue(d.isDetached());
        assertEquals(null, d.branch());
        assertEquals(onFeature, d.head());
        assertEquals(t.repo.readCommit(onFeature).root(), d.workingSet().working());
        assertEquals(base, d.resolve("HEAD~1"));
    }
}
