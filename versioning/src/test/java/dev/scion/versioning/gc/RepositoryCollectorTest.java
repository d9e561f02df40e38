package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.GcResult;
import dev.scion.storage.gc.WalkerRegistry;
import dev.scion.versioning.model.Tag;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.ops.MergeOptions;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.testing.TestRepo;
import dev.scion.versioning.testing.TestRepoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestRepoExtension.class)
class RepositoryCollectorTest {
    TestRepo t;

    @BeforeEach
    void setUp(TestRepo repo) {
        t = repo;
        t.createTable("main", "people", TestRepo.people(true));
        for (int i = 0; i < 300; i++) {
            t.insert("main", "people", row((long) i, "name" + i, (long) i));
        }
        t.commitAll("main", "people");
    }

    @Test
    void overwrittenWorkingRootsAreFreedAndEverythingReachableStays() {
        for (int i = 0; i < 50; i++) {
            t.set("main", "people", i, "qty", 1000L + i); // each edit leaves the previous working root behind
        }
        t.repo.store().drainNursery(true); // with a chunk nursery (-Dscion.test.nursery), counted on disk too
        long before = t.repo.store().countChunks();
        GcResult r = t.repo.gc();
        assertTrue(r.deletedChunks() > 0, "overwritten working roots are garbage: " + r);
        assertEquals(0, r.missingChunks());
        assertEquals(before - r.deletedChunks(), t.repo.store().countChunks());
        assertEquals(1049L, t.workingRows("main", "people").get(49).get(2));
        assertEquals(300, t.rows(t.repo.readCommit(t.on("main").head()).root(), "people").size());
        assertEveryReachableChunkStored();
        assertEquals(0, t.repo.gc().deletedChunks(), "a second collection finds nothing new");
    }

    @Test
    void deletedBranchIsFreedButATagKeepsItsCommit() {
        t.repo.createBranch("doomed", t.on("main").head());
        t.repo.createBranch("tagged", t.on("main").head());
        t.insert("doomed", "people", row(1000L, "doomed", 1L));
        Hash doomed = t.commitAll("doomed", "doomed row");
        t.insert("tagged", "people", row(2000L, "tagged", 2L));
        Hash tagged = t.commitAll("tagged", "tagged row");
        t.repo.createTag("v1", tagged, new Tag("v1", tagged, ALICE, "release"), false);
        t.repo.deleteBranch("doomed");
        t.repo.deleteBranch("tagged");

        GcResult r = t.repo.gc();
        assertEquals(0, r.missingChunks());
        assertNull(t.repo.store().get(doomed), "a commit no ref reaches is deleted");
        assertNotNull(t.repo.store().get(tagged), "the annotated tag keeps its commit");
        assertEquals(301, t.rows(t.repo.readCommit(t.repo.tagTarget("v1").orElseThrow()).root(), "people").size());
        assertEveryReachableChunkStored();
    }

    @Test
    void aMergeInProgressKeepsItsConflictsAndTheirSides() {
        t.repo.createBranch("feature", t.on("main").head());
        t.set("main", "people", 2, "qty", 21L);
        t.commitAll("main", "main qty");
        t.set("feature", "people", 2, "qty", 22L);
        t.commitAll("feature", "feature qty");
        MergeOutcome o = MergeOp.merge(t.on("main"), "feature", MergeOptions.defaults(ALICE));
        assertEquals(MergeOutcome.Kind.CONFLICTS, o.kind());
        t.repo.deleteBranch("feature"); // only the merge state still names the other side now

        GcResult r = t.repo.gc();
        assertEquals(0, r.missingChunks());
        assertEveryReachableChunkStored();
        List<ConflictsOp.RowConflict> rows = ConflictsOp.rows(t.on("main"), "people");
        assertEquals(22L, rows.get(0).theirs()[2]);
        ConflictsOp.resolve(t.on("main"), "people", ConflictsOp.Side.THEIRS);
        assertEquals(22L, t.workingRows("main", "people").get(2).get(2));
    }

    @Test
    void aPinnedSnapshotSurvivesUntilReleased() {
        LiveRoots.Pin<WorkingSet> pin = t.repo.pinWorkingSet("main");
        Hash snapshot = pin.value().working();
        t.set("main", "people", 7, "qty", 77L);
        t.set("main", "people", 7, "qty", 78L);

        t.repo.gc();
        assertNotNull(t.repo.store().get(snapshot), "the open transaction's root is kept");
        assertEquals(7L, t.rows(snapshot, "people").get(7).get(2));
        // The snapshot equals the committed root here, so move the branch on to make the snapshot garbage.
        t.commitAll("main", "qty 78");
        pin.close();
        assertEquals(0, t.repo.liveRoots().size());
        t.repo.gc();
        assertNotNull(t.repo.store().get(t.repo.workingSet("main").working()));
        assertEveryReachableChunkStored();
    }

    /** Walks the graph from the same roots independently and checks that nothing reachable was deleted. */
    private void assertEveryReachableChunkStored() {
        WalkerRegistry walkers = VersioningKinds.registry();
        ArrayDeque<Object[]> todo = new ArrayDeque<>();
        new RefRoots(t.repo.store()).roots((h, k) -> todo.push(new Object[] {h, k}));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Object[] e = todo.pop();
            Hash h = (Hash) e[0];
            ChunkKind kind = (ChunkKind) e[1];
            if (!seen.add(h + kind.name())) {
                continue;
            }
            byte[] chunk = t.repo.store().get(h);
            assertNotNull(chunk, "reachable " + kind.name() + " chunk " + h + " is missing");
            walkers.walker(kind).children(h, chunk, (c, k) -> todo.push(new Object[] {c, k}));
        }
        assertTrue(seen.size() > 3);
    }
    /**
     * The race behind a "chunk is missing" seen under online GC: a committer reads the branch's working set to
     * merge into it, another commit moves the working set on, and a collection that starts now never sees the
     * value the committer still follows. The collection must wait for that operation before it deletes.
     */
    @Test
    void collectionWaitsForAnOperationHoldingAWorkingSetThatMovedOn() throws Exception {
        t.set("main", "people", 7, "qty", 700L);
        List<List<Object>> staleRows;
        WorkingSet stale;
        CompletableFuture<GcResult> gc;
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            stale = t.repo.workingSet("main");
            t.set("main", "people", 7, "qty", 701L); // the value read above is now on no ref
            gc = CompletableFuture.supplyAsync(() -> t.repo.gc());
            // the collection lists its roots, then waits for this operation: give it every chance to run ahead
            assertFalse(waitDone(gc, 300), "the collection must not finish while a stale reader runs");
            staleRows = t.rows(stale.working(), "people"); // every chunk of the moved-on value is still there
        }
        GcResult r = gc.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.missingChunks());
        assertTrue(r.deletedChunks() > 0, "the moved-on working root is garbage once the reader is done: " + r);
        assertEquals(700L, staleRows.get(7).get(2));
        assertEquals(701L, t.workingRows("main", "people").get(7).get(2));
    }

    private static boolean waitDone(CompletableFuture<?> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
