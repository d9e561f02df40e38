package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remotes between directories: clone, fetch, pull, push, and the transfer's guarantees. */
class RemoteOpsTest {
    static final StoreOptions OPTS = StoreOptions.defaults().withSync(false);

    /** The options of every repository the tests open (NurseryRemoteOpsTest turns the chunk nursery on). */
    StoreOptions options() {
        return OPTS;
    }

    @TempDir
    Path dir;
    TestRepo origin;
    List<Repository> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        origin = new TestRepo(dir.resolve("a"), options());
        origin.createTable("main", "people", TestRepo.people(true));
        for (int i = 0; i < 3000; i++) {
            origin.insert("main", "people", row((long) i, "name" + i, (long) i));
        }
        origin.commitAll("main", "people");
        origin.repo.createBranch("feature", origin.on("main").head());
        origin.insert("feature", "people", row(5000L, "feature", 1L));
        origin.commitAll("feature", "feature row");
    }

    @AfterEach
    void tearDown() {
        opened.forEach(Repository::close);
        origin.close();
    }

    /** The origin as a file remote, sharing the open repository (as a server would). */
    RemoteTransport originTransport() {
        return new RepositoryEndpoint(origin.repo, "file://" + dir.resolve("a/db"), false);
    }

    CloneOp.Result cloneOrigin(Path to, RemoteTransport t) {
        CloneOp.Result r = CloneOp.cloneFrom(t, t.url(), to, "origin", null, TransferListener.NONE, options());
        opened.add(r.repo());
        return r;
    }

    @Test
    void cloneTracksEveryBranchAndChecksOutTheDefault() {
        CloneOp.Result r = cloneOrigin(dir.resolve("b"), originTransport());
        Repository b = r.repo();
        assertEquals("main", r.branch());
        assertEquals(List.of("main"), b.branches());
        assertEquals(origin.on("main").head(), b.branchHead("main").orElseThrow());
        assertEquals(origin.on("feature").head(), RemoteConfig.trackingBranches(b, "origin").get("feature"));
        assertEquals(new RemoteConfig.Upstream("origin", "main"), RemoteConfig.upstream(b, "main").orElseThrow());
        assertEquals(3000, new TestRepoView(b).rows("main").size());
        assertTrue(r.stats().chunksCopied() > 10);
        assertEquals(0, b.gc().missingChunks(), "a clone is complete on its own");
    }

    @Test
    void incrementalFetchCopiesOnlyTheChangedPaths() {
        Repository b = cloneOrigin(dir.resolve("b"), originTransport()).repo();
        for (int i = 0; i < 10; i++) {
            origin.set("main", "people", i * 300L, "qty", -1L);
        }
        origin.commitAll("main", "ten rows");
        FetchOp.Result f = FetchOp.fetchFrom(b, "origin", originTransport(), TransferListener.NONE);
        long copied = f.stats().chunksCopied();
        // commit + root + table + per changed row: a path through the row tree and the (unchanged) name index
        assertTrue(copied <= 10 * 4 + 3, "copied " + copied + " chunks for 10 changed rows");
        assertEquals(1, f.changes().size());
        assertEquals(origin.on("main").head(), RemoteConfig.trackingBranches(b, "origin").get("main"));
    }

    @Test
    void pullFastForwardsAndMergesDivergedWork() {
        Repository b = cloneOrigin(dir.resolve("b"), originTransport()).repo();
        origin.set("main", "people", 1, "qty", 111L);
        Hash originHead = origin.commitAll("main", "origin change");
        RemoteConfig.remove(b, "origin");
        RemoteConfig.add(b, "origin", dir.resolve("a/db").toUri().toString());
        // the origin is open in this process; pull through a transport on the same repository
        FetchOp.fetchFrom(b, "origin", originTransport(), TransferListener.NONE);
        MergeOutcome o = dev.scion.versioning.ops.MergeOp.merge(new BranchContext(b, "main"), "origin/main",
                dev.scion.versioning.ops.MergeOptions.defaults(ALICE));
        assertEquals(originHead, b.branchHead("main").orElseThrow(), "fast-forward: " + o.kind());
    }

    @Test
    void pushFastForwardsRefusesNonFastForwardAndCanForceAndDelete() {
        Repository b = cloneOrigin(dir.resolve("b"), originTransport()).repo();
        TestRepoView bv = new TestRepoView(b);
        bv.insert("main", 9001L);
        Hash bHead = bv.commit("main", "b's fix");
        PushOp.Result ok = PushOp.pushTo(b, "origin", originTransport(), "main", "main", false, false, null);
        assertEquals(PushOp.Outcome.FAST_FORWARD, ok.outcome());
        assertEquals(bHead, origin.on("main").head());
        assertTrue(origin.repo.workingSet("main").working().equals(b.readCommit(bHead).root()),
                "the remote's clean working set follows the pushed head");

        origin.set("main", "people", 2, "qty", 222L);
        origin.commitAll("main", "origin moves on");
        bv.insert("main", 9002L);
        bv.commit("main", "b again");
        RefRejectedException e = assertThrows(RefRejectedException.class,
                () -> PushOp.pushTo(b, "origin", originTransport(), "main", "main", false, false, null));
        assertTrue(e.getMessage().contains("non-fast-forward"), e.getMessage());
        PushOp.Result forced = PushOp.pushTo(b, "origin", originTransport(), "main", "main", true, false, null);
        assertEquals(PushOp.Outcome.FORCED, forced.outcome());
        assertEquals(b.branchHead("main").orElseThrow(), origin.on("main").head());

        PushOp.pushTo(b, "origin", originTransport(), "main", "fork", false, true, null);
        assertEquals(b.branchHead("main"), origin.repo.branchHead("fork"));
        assertEquals(new RemoteConfig.Upstream("origin", "fork"), RemoteConfig.upstream(b, "main").orElseThrow());
        PushOp.Result del = PushOp.pushTo(b, "origin", originTransport(), null, "fork", false, false, null);
        assertEquals(PushOp.Outcome.DELETED, del.outcome());
        assertTrue(origin.repo.branchHead("fork").isEmpty());
        assertFalse(RemoteConfig.trackingBranches(b, "origin").containsKey("fork"));
    }

    @Test
    void ofTwoRacingPushesExactlyOneWins() throws Exception {
        Repository b = cloneOrigin(dir.resolve("b"), originTransport()).repo();
        Repository c = cloneOrigin(dir.resolve("c"), originTransport()).repo();
        new TestRepoView(b).insert("main", 7001L);
        new TestRepoView(b).commit("main", "from b");
        new TestRepoView(c).insert("main", 7002L);
        new TestRepoView(c).commit("main", "from c");
        for (int round = 0; round < 3; round++) {
            String target = "race" + round; // a new remote branch each round: both pushes expect it absent
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (Repository r : List.of(b, c)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        PushOp.pushTo(r, "origin", originTransport(), "main", target, false, false, null);
                        return "won";
                    } catch (RefRejectedException e) {
                        return "lost: " + e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            // a loser either saw the winner's head (non-fast-forward) or lost the compare-and-swap (fetch first)
            assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            assertTrue(outcomes.stream().anyMatch(s -> s.contains("fetch first") || s.contains("non-fast-forward")),
                    outcomes.toString());
        }
    }

    @Test
    void aPushThatLosesTheCompareAndSwapIsToldToFetchFirst() {
        Repository b = cloneOrigin(dir.resolve("b"), originTransport()).repo();
        Repository c = cloneOrigin(dir.resolve("c"), originTransport()).repo();
        new TestRepoView(b).insert("main", 7001L);
        new TestRepoView(b).commit("main", "from b");
        new TestRepoView(c).insert("main", 7002L);
        Hash cHead = new TestRepoView(c).commit("main", "from c");
        FaultyTransport late = new FaultyTransport(originTransport(), -1, false);
        late.staleRefs = originTransport().listRefs(); // c looked before b pushed
        PushOp.pushTo(b, "origin", originTransport(), "main", "main", false, false, null);
        Hash winner = origin.on("main").head();
        RefRejectedException e = assertThrows(RefRejectedException.class,
                () -> PushOp.pushTo(c, "origin", late, "main", "main", false, false, null));
        assertTrue(e.getMessage().contains("fetch first"), e.getMessage());
        assertEquals(winner, origin.on("main").head(), "the loser moved nothing");
        assertFalse(cHead.equals(origin.on("main").head()));
    }

    @Test
    void aCorruptChunkAbortsTheFetchAndMovesNoRef() {
        FaultyTransport faulty = new FaultyTransport(originTransport(), -1, true);
        RemoteAccessException e = assertThrows(RemoteAccessException.class,
                () -> CloneOp.cloneFrom(faulty, "file:///origin", dir.resolve("b"), "origin", null,
                        TransferListener.NONE, options()));
        assertTrue(e.getMessage().contains("corrupt chunk"), e.getMessage());
        try (Repository b = Repository.open(dir.resolve("b"), options())) {
            assertTrue(b.branches().isEmpty(), "no branch was created");
            assertTrue(RemoteConfig.allTrackingBranches(b).isEmpty(), "no tracking ref moved");
        }
    }

    @Test
    void anInterruptedCloneResumesWithoutFetchingAgain() {
        CloneOp.Result full = cloneOrigin(dir.resolve("full"), originTransport());
        long all = full.stats().chunksCopied();

        // five requests reach below the table (commit, root, table map, table, then its trees): the row tree's
        // leaves are the first finished work
        FaultyTransport dropping = new FaultyTransport(originTransport(), 5, false);
        assertThrows(RemoteAccessException.class, () -> CloneOp.cloneFrom(dropping, "file:///origin",
                dir.resolve("b"), "origin", null, TransferListener.NONE, options()));
        long storedBefore;
        try (Repository partial = Repository.open(dir.resolve("b"), options())) {
            storedBefore = partial.store().countChunks();
        }
        assertTrue(storedBefore > 0, "the interrupted clone kept finished work");
        CloneOp.Result resumed = CloneOp.cloneFrom(originTransport(), "file:///origin", dir.resolve("b"), "origin",
                null, TransferListener.NONE, options());
        opened.add(resumed.repo());
        assertTrue(resumed.resumed());
        assertTrue(resumed.stats().chunksCopied() < all, resumed.stats() + " vs " + all);
        assertTrue(resumed.stats().chunksCopied() + storedBefore <= all + 1,
                "nothing stored before was fetched again: " + storedBefore + " + " + resumed.stats() + " vs " + all);
        assertEquals(3000, new TestRepoView(resumed.repo()).rows("main").size());
        assertEquals(0, resumed.repo().gc().missingChunks());
    }
}
