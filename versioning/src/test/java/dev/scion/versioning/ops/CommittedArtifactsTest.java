package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.CommitArtifacts;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A forced commit records its conflicts; merges, branches and garbage collection see them as Dolt's artifacts. */
@ExtendWith(TestRepoExtension.class)
class CommittedArtifactsTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.createTable("main", "people", TestRepo.people(false));
        t.commitAll("main", "empty table");
        BranchOp.create(t.on("main"), "other", null, false);
        t.insert("main", "people", row(1L, "ann", 10L));
        t.commitAll("main", "ann");
        BranchOp.create(t.on("main"), "side", null, false);
        t.set("main", "people", 1, "qty", 100L);
        t.commitAll("main", "left edit");
        t.set("side", "people", 1, "qty", -100L);
        t.commitAll("side", "right edit");
        assertEquals(MergeOutcome.Kind.CONFLICTS,
                MergeOp.merge(t.on("main"), "side", MergeOptions.defaults(ALICE)).kind());
    }

    /** What dolt_commit -f does: commit the working root, record the conflicts, keep them in the working set. */
    private Hash forceCommit(String branch) {
        WorkingSet ws = t.repo.workingSet(branch);
        CommitArtifacts artifacts = CommitArtifacts.of(ws.mergeState());
        ChunkBuffer buf = t.repo.newBuffer();
        Hash recorded = buf.put(artifacts.encode());
        WorkingSet next = new WorkingSet(ws.working(), ws.working(), null,
                artifacts.asKeptState(ws.working(), ws.working()));
        return t.repo.commit(branch, t.on(branch).head(), ws, ws.working(), List.of(ws.mergeSource()), ALICE, ALICE,
                "commit conflicts", recorded, next, buf);
    }

    @Test
    void aCommitWithoutArtifactsEncodesAsBefore() {
        Commit plain = t.repo.readCommit(t.on("side").head());
        assertNull(plain.artifacts());
        Commit again = Commit.decode(plain.encode());
        assertEquals(plain, again);
        Commit with = new Commit(plain.root(), plain.parents(), ALICE, ALICE, "m", 3, plain.root());
        assertEquals(plain.root(), Commit.decode(with.encode()).artifacts());
        assertTrue(with.encode().length > new Commit(plain.root(), plain.parents(), ALICE, ALICE, "m", 3).encode()
                .length);
    }

    @Test
    void aMergeOfTheForcedCommitCarriesItsConflictsAlongWithNewOnes() {
        Hash forced = forceCommit("main");
        assertTrue(t.repo.readCommit(forced).artifacts() != null);
        // another branch merges the forced commit: the merge itself is clean (other never touched row 1)
        t.insert("other", "people", row(2L, "bob", 20L));
        t.commitAll("other", "bob");
        MergeOutcome o = MergeOp.merge(t.on("other"), "main", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        TableConflicts people = t.repo.workingSet("other").mergeState().table("people").orElseThrow();
        assertEquals(1, people.rowConflictCount());
        List<ConflictsOp.RowConflict> rows = ConflictsOp.rows(t.on("other"), "people");
        assertEquals(100L, rows.get(0).ours()[2]);
        assertEquals(-100L, rows.get(0).theirs()[2]);
        // aborting brings back the head's own state (other's head recorded nothing)
        MergeOp.abort(t.on("other"));
        assertNull(t.repo.workingSet("other").mergeState());
    }

    @Test
    void theKeptConflictsDoNotBlockTheNextMergeAndJoinIt() {
        forceCommit("main");
        t.insert("side", "people", row(3L, "cy", 30L));
        t.commitAll("side", "cy");
        MergeOutcome o = MergeOp.merge(t.on("main"), "side", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind(), "row 1's recorded conflict is still unresolved");
        assertEquals(2, t.workingRows("main", "people").size(), "row 3 merged in next to row 1");
        MergeOp.abort(t.on("main"));
        WorkingSet ws = t.repo.workingSet("main");
        assertTrue(ws.mergeState().isCommittedArtifacts(), "the head's recorded conflicts stay after an abort");
    }

    @Test
    void gcKeepsWhatTheCommitRecordedAndABranchFromItStartsWithTheConflicts() {
        Hash forced = forceCommit("main");
        WorkingSet ws = t.repo.workingSet("main");
        TableConflicts recorded = CommitArtifacts.of(ws.mergeState()).tables().get(0);
        // only the commit refers to the conflict map now
        t.repo.updateWorkingSet("main", ws, WorkingSet.clean(ws.working()), t.repo.newBuffer());
        t.repo.gc();
        Commit c = t.repo.readCommit(forced);
        TableConflicts kept = CommitArtifacts.decode(t.repo.chunks().get(c.artifacts())).tables().get(0);
        assertEquals(recorded, kept);
        assertEquals(1, ProllyMap.load(t.repo.chunks(), kept.rowConflicts()).count());
        BranchOp.create(t.on("main"), "copy", null, false);
        assertEquals(kept, t.repo.workingSet("copy").mergeState().table("people").orElseThrow());
        assertArrayEquals(new Object[] {1L, "ann", 100L}, ConflictsOp.rows(t.on("copy"), "people").get(0).ours());
    }
}
