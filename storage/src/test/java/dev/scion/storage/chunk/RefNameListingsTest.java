package dev.scion.storage.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ref listings reuse the names last listed until a ref is created or deleted, and never miss one that exists. */
class RefNameListingsTest {
  @TempDir
  Path dir;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void valueChangesAreListedWithoutScanningAgain() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b("1")), RefUpdate.set("refs/heads/dev", b("1"))));
      assertEquals(List.of("refs/heads/dev", "refs/heads/main"), List.copyOf(store.listRefs("refs/heads/").keySet()));
      long scans = store.refScans();
      for (int i = 2; i < 12; i++) {
        store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", b(Integer.toString(i - 1)),
            b(Integer.toString(i)))));
        SortedMap<String, byte[]> heads = store.listRefs("refs/heads/");
        assertArrayEquals(b(Integer.toString(i)), heads.get("refs/heads/main"), "the value written last");
        assertArrayEquals(b("1"), heads.get("refs/heads/dev"));
      }
      assertEquals(scans, store.refScans(), "an update of an existing ref keeps the listed names");
    }
  }

  @Test
  void createdAndDeletedRefsAreListedAtOnce() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b("1"))));
      assertEquals(1, store.listRefs("refs/heads/").size());
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/feature", b("2"))));
      assertEquals(List.of("refs/heads/feature", "refs/heads/main"),
          List.copyOf(store.listRefs("refs/heads/").keySet()));
      store.commit(Map.of(), List.of(RefUpdate.delete("refs/heads/main")));
      assertEquals(List.of("refs/heads/feature"), List.copyOf(store.listRefs("refs/heads/").keySet()));
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b("3"))));
      assertArrayEquals(b("3"), store.listRefs("refs/heads/").get("refs/heads/main"), "created again after a delete");
      assertTrue(store.listRefs("refs/tags/").isEmpty());
    }
  }

  @Test
  void refLogEntriesAreNeverServedFromAnOldListing() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.logRefChanges(List.of("refs/heads/"));
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b("1"))));
      assertEquals(1, store.refLog("refs/heads/main").size());
      store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", b("1"), b("2"))));
      assertEquals(2, store.refLog("refs/heads/main").size(), "a new log entry is a new ref the group did not report");
      assertEquals(3, store.listRefs("").size(), "the branch and its two log entries");
    }
  }

  /** A lister that starts after a creation returned always sees the created ref, while others create more. */
  @Test
  void concurrentCreationsAreNeverMissed() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b("0"))));
      AtomicInteger created = new AtomicInteger();
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger missed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> tasks = new ArrayList<>();
        tasks.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/b" + i, b("x"))));
            created.set(i + 1);
          }
          done.set(true);
          return null;
        }));
        tasks.add(pool.submit(() -> {
          for (int i = 1; !done.get(); i++) {
            store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", b(Integer.toString(i)))));
          }
          return null;
        }));
        for (int t = 0; t < 2; t++) {
          tasks.add(pool.submit(() -> {
            while (!done.get()) {
              int atLeast = created.get();
              int listed = store.listRefs("refs/heads/").size() - 1;
              if (listed < atLeast) {
                missed.incrementAndGet();
              }
            }
            return null;
          }));
        }
        for (Future<?> f : tasks) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(0, missed.get(), "listings that missed a ref whose creation had returned");
      assertEquals(201, store.listRefs("refs/heads/").size());
    }
  }
}
