package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @TempDir
  Path dir;

  private static byte[] chunk(int thread, int i) {
    return ByteBuffer.allocate(64).putInt(thread).putInt(i).array();
  }

  @Test
  void concurrentCommitsAreAllDurable() throws Exception {
    int threads = 8;
    int perThread = 60;
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            byte[] previous = null;
            for (int i = 0; i < perThread; i++) {
              byte[] c = chunk(thread, i);
              Hash h = Hash.of(c);
              // each thread advances its own ref by CAS from the value it last wrote
              store.commit(Map.of(h, c), List.of(RefUpdate.cas("t" + thread, previous, h.bytes())));
              previous = h.bytes();
            }
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertTrue(store.writeGroupsCommitted() <= (long) threads * perThread);
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < perThread; i++) {
          assertTrue(store.has(Hash.of(chunk(t, i))));
        }
        assertArrayEquals(Hash.of(chunk(t, perThread - 1)).bytes(), store.readRef("t" + t));
      }
    }
  }

  /**
   * With one sync in flight, batches written while a log sync runs (here, to two different refs, as two branches
   * would) wait for the next sync, and that one sync covers both; a batch is acknowledged only once a sync that
   * started after its write ended.
   */
  @Test
  void writesDuringASyncShareTheNextSync() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSyncsInFlight(1))) {
      CountDownLatch inSync = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger syncsStarted = new AtomicInteger();
      store.beforeLogSync(() -> {
        if (syncsStarted.incrementAndGet() == 1) {
          inSync.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      });
      long before = store.walSyncs();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        Future<?> first = pool.submit(() -> {
          byte[] c = chunk(0, 0);
          store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("a", Hash.of(c).bytes())));
          return null;
        });
        inSync.await();
        List<Future<?>> later = new ArrayList<>();
        for (int t = 1; t <= 2; t++) {
          int thread = t;
          later.add(pool.submit(() -> {
            byte[] c = chunk(thread, 0);
            long ticket = store.write(Map.of(Hash.of(c), c), List.of(RefUpdate.set("r" + thread, Hash.of(c).bytes())));
            // visible to this process before it is durable, as a lock waiter would read it
            assertArrayEquals(Hash.of(c).bytes(), store.readRef("r" + thread));
            store.awaitDurable(ticket);
            return null;
          }));
        }
        while (store.waitingForSync() < 2) {
          Thread.onSpinWait();
        }
        assertFalse(first.isDone(), "acknowledged before its sync ended");
        release.countDown();
        first.get();
        for (Future<?> f : later) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(2, store.walSyncs() - before, "the held sync, then one covering both later writes");
      assertEquals(2, syncsStarted.get(), "no sync ran without a waiter needing it");
    }
  }

  /**
   * With two syncs in flight (the default), a batch written while a sync runs starts a second sync at once and is
   * acknowledged when that one ends, while the first is still held; a third batch written while both are held waits
   * for one of them and is acknowledged only by a sync that started after its write. With one sync in flight the
   * second batch would wait for the held sync, and this test would time out.
   */
  @Test
  void aWriteDuringASyncStartsAnOverlappingSync() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      CountDownLatch firstInSync = new CountDownLatch(1);
      CountDownLatch secondInSync = new CountDownLatch(1);
      CountDownLatch releaseFirst = new CountDownLatch(1);
      CountDownLatch releaseSecond = new CountDownLatch(1);
      AtomicInteger syncsStarted = new AtomicInteger();
      boolean[] holdSecond = {false};
      store.beforeLogSync(() -> {
        int n = syncsStarted.incrementAndGet();
        try {
          if (n == 1) {
            firstInSync.countDown();
            releaseFirst.await();
          } else if (n == 2 && holdSecond[0]) {
            secondInSync.countDown();
            releaseSecond.await();
          }
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      long syncsBefore = store.walSyncs();
      long overlappedBefore = store.walSyncsOverlapped();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        Future<?> first = pool.submit(() -> commitOne(store, 0));
        firstInSync.await();
        Future<?> second = pool.submit(() -> commitOne(store, 1));
        second.get(30, java.util.concurrent.TimeUnit.SECONDS); // durable by its own sync, beside the held one
        assertFalse(first.isDone(), "the first batch was acknowledged before its sync ended");
        assertEquals(1, store.walSyncsOverlapped() - overlappedBefore, "the second sync overlapped the first");

        // now hold the next sync too: two in flight, so a third batch waits
        syncsStarted.set(1);
        holdSecond[0] = true;
        Future<?> fourth = pool.submit(() -> commitOne(store, 2));
        secondInSync.await();
        Future<?> fifth = pool.submit(() -> commitOne(store, 3));
        while (store.waitingForSync() < 1) {
          Thread.onSpinWait();
        }
        assertFalse(fifth.isDone(), "acknowledged while both running syncs had started before its write");
        releaseSecond.countDown();
        fourth.get(30, java.util.concurrent.TimeUnit.SECONDS);
        fifth.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(first.isDone(), "the first batch was acknowledged before its sync ended");
        releaseFirst.countDown();
        first.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } finally {
        releaseFirst.countDown();
        releaseSecond.countDown();
        pool.shutdown();
      }
      assertEquals(4, store.walSyncs() - syncsBefore, "the held sync, the second, the held third, the fifth's own");
    }
  }

  private static Void commitOne(RocksChunkStore store, int n) {
    byte[] c = chunk(100 + n, 0);
    store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("o" + n, Hash.of(c).bytes())));
    return null;
  }

  @Test
  void racingCompareAndSwapsHaveExactlyOneWinner() throws Exception {
    int threads = 6;
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      for (int round = 0; round < 20; round++) {
        byte[] expected = store.readRef("contended");
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          byte[] mine = chunk(round, t);
          Thread w = new Thread(() -> {
            try {
              start.await();
              store.commit(Map.of(Hash.of(mine), mine), List.of(RefUpdate.cas("contended", expected, mine)));
              wins.incrementAndGet();
            } catch (RefConflictException e) {
              conflicts.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
          w.start();
          workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
          w.join();
        }
        assertEquals(1, wins.get());
        assertEquals(threads - 1, conflicts.get());
        byte[] winner = store.readRef("contended");
        int losersWritten = 0;
        for (int t = 0; t < threads; t++) {
          byte[] c = chunk(round, t);
          if (!java.util.Arrays.equals(c, winner) && store.has(Hash.of(c))) {
            losersWritten++;
          }
        }
        assertEquals(0, losersWritten, "losing commits write nothing");
      }
    }
  }

  @Test
  void commitsQueuedBehindALeaderShareOneWrite() throws Exception {
    CountDownLatch leaderInside = new CountDownLatch(1);
    CountDownLatch releaseLeader = new CountDownLatch(1);
    List<Integer> groupSizes = new ArrayList<>();
    GroupCommitter committer = new GroupCommitter(group -> {
      synchronized (groupSizes) {
        groupSizes.add(group.size());
      }
      if (groupSizes.size() == 1) {
        leaderInside.countDown();
        try {
          releaseLeader.await(); // the first write "syncs" until every follower has queued
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (GroupCommitter.Commit c : group) {
        if ("fail".equals(c.payload)) {
          c.fail(new RefConflictException("r", "conflict for one commit only"));
        }
      }
    });
    Thread leader = new Thread(() -> committer.commit(new GroupCommitter.Commit("first")));
    leader.start();
    leaderInside.await();
    int followers = 5;
    List<Thread> threads = new ArrayList<>();
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < followers; i++) {
      String payload = i == 2 ? "fail" : "f" + i;
      Thread t = new Thread(() -> {
        try {
          committer.commit(new GroupCommitter.Commit(payload));
        } catch (RefConflictException e) {
          failed.incrementAndGet();
        }
      });
      t.start();
      threads.add(t);
    }
    while (committer.queued() < followers) {
      Thread.onSpinWait(); // wait until all followers are queued behind the leader
    }
    releaseLeader.countDown();
    leader.join();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(1, followers), groupSizes, "the followers were written as one group");
    assertEquals(1, failed.get(), "each caller still gets its own result");
    assertEquals(2, committer.groupsWritten());
    assertEquals(1 + followers, committer.commitsWritten());
  }

  @Test
  void aFailedWriteFailsItsGroupAndTheNextGroupStillRuns() {
    boolean[] broken = {true};
    GroupCommitter committer = new GroupCommitter(group -> {
      if (broken[0]) {
        broken[0] = false;
        throw new StorageException("disk full");
      }
    });
    StorageException e = assertThrows(StorageException.class, () -> committer.commit(new GroupCommitter.Commit("a")));
    assertEquals("disk full", e.getMessage());
    committer.commit(new GroupCommitter.Commit("b")); // the committer is not left stuck
    assertEquals(2, committer.groupsWritten());
  }
}
