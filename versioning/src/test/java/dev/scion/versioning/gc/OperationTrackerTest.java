package dev.scion.versioning.gc;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which running operations a collection waits for, and that it never waits forever. */
class OperationTrackerTest {
    @Test
    void operationsStartedAfterTheListingAreNotWaitedFor() throws Exception {
        OperationTracker tracker = new OperationTracker(Duration.ofSeconds(30));
        long fence = tracker.raise();
        try (OperationTracker.Operation later = tracker.enter()) {
            assertTrue(tracker.awaitReadersBefore(fence), "an operation younger than the fence is not waited for");
        }
    }

    @Test
    void aBlockedOperationIsNotWaitedForAndABoundIsHonoured() throws Exception {
        OperationTracker tracker = new OperationTracker(Duration.ofMillis(200));
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
        OperationTracker tracker = new OperationTracker(Duration.ofMillis(50));
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

}
