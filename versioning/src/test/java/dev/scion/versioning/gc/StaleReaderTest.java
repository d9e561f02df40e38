package dev.scion.versioning.gc;

import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race behind a "chunk is missing" seen under online GC: a committer reads the branch's working set to
 * merge into it, another commit moves the working set on, and a collection that starts now never sees the
 * value the committer still follows. The collection must wait for that operation before it deletes.
 */
class StaleReaderTest {
    @TempDir
    Path dir;
    TestRepo t;

    @BeforeEach
    void setUp() {
        t = new TestRepo(dir);
        t.createTable("main", "people", TestRepo.people(true));
        for (int i = 0; i < 200; i++) {
            t.insert("main", "people", row((long) i, "name" + i, (long) i));
        }
        t.commitAll("main", "people");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

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

    @Test
    void operationsStartedAfterTheListingAreNotWaitedFor() throws Exception {
        OperationTracker tracker = new OperationTracker(java.time.Duration.ofSeconds(30));
        long fence = tracker.raise();
        try (OperationTracker.Operation later = tracker.enter()) {
            assertTrue(tracker.awaitReadersBefore(fence), "an operation younger than the fence is not waited for");
        }
    }

    @Test
    void aBlockedOperationIsNotWaitedForAndABoundIsHonoured() throws Exception {
        OperationTracker tracker = new OperationTracker(java.time.Duration.ofMillis(200));
        CompletableFuture<Void> released = new CompletableFuture<>();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (OperationTracker.Operation op = tracker.enter()) {
                entered.complete(null);
                released.join();
            }
        });
        entered.get(10, TimeUnit.SECONDS);
        long fence = tracker.raise();
        assertEquals(1, tracker.olderThan(fence, Thread.currentThread()));
        assertFalse(tracker.awaitReadersBefore(fence), "gives up after the bound while the old operation runs");
        released.complete(null);
        holder.get(10, TimeUnit.SECONDS);
        assertTrue(tracker.awaitReadersBefore(fence));

        // an operation waiting for a collection counts as blocked, so the two cannot wait for each other
        CompletableFuture<Void> blockedInside = new CompletableFuture<>();
        CompletableFuture<Void> unblock = new CompletableFuture<>();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try (OperationTracker.Operation op = tracker.enter()) {
                tracker.whileBlocked(() -> {
                    blockedInside.complete(null);
                    unblock.join();
                });
            }
        });
        blockedInside.get(10, TimeUnit.SECONDS);
        long fence2 = tracker.raise();
        assertTrue(tracker.awaitReadersBefore(fence2));
        unblock.complete(null);
        waiter.get(10, TimeUnit.SECONDS);
    }

    @Test
    void nestedEntriesOnOneThreadEndWithTheOuterOne() {
        OperationTracker tracker = new OperationTracker(java.time.Duration.ofMillis(50));
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> {
            try (OperationTracker.Operation outer = tracker.enter()) {
                try (OperationTracker.Operation inner = tracker.enter()) {
                    // nothing
                }
                long fence = tracker.raise();
                return tracker.olderThan(fence, null) == 1;
            }
        });
        assertTrue(result.join(), "the outer operation still runs after the inner one closed");
        assertEquals(0, tracker.olderThan(tracker.raise(), null));
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
