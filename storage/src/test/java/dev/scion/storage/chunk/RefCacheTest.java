package dev.scion.storage.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's ref cache: reads after the first come from memory, and never show a value older than a write. */
class RefCacheTest {
  @TempDir
  Path dir;

  @Test
  void repeatedReadsReachRocksDbOnceAndFollowWritesAndDeletes() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", "1".getBytes(UTF_8))));
      long before = store.pointReads();
      for (int i = 0; i < 10; i++) {
        assertArrayEquals("1".getBytes(UTF_8), store.readRef("refs/heads/main"));
        assertNull(store.readRef("refs/heads/none"));
      }
      assertTrue(store.pointReads() - before <= 1, "only the absent ref's first read reaches RocksDB");
      byte[] read = store.readRef("refs/heads/main");
      read[0] = 'x'; // a caller changing its copy must not change the cached value
      assertArrayEquals("1".getBytes(UTF_8), store.readRef("refs/heads/main"));
      store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", "1".getBytes(UTF_8), "2".getBytes(UTF_8))));
      assertArrayEquals("2".getBytes(UTF_8), store.readRef("refs/heads/main"));
      assertThrows(RefConflictException.class, () -> store.commit(Map.of(),
          List.of(RefUpdate.cas("refs/heads/main", "1".getBytes(UTF_8), "3".getBytes(UTF_8)))));
      store.commit(Map.of(), List.of(RefUpdate.delete("refs/heads/main")));
      assertNull(store.readRef("refs/heads/main"));
      assertTrue(store.listRefs("refs/heads/").isEmpty());
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertNull(store.readRef("refs/heads/main"), "the delete reached RocksDB, not only the cache");
    }
  }

  /** Writers compare-and-swap a counter they read through the cache: no increment is lost or read backwards. */
  @Test
  void concurrentCompareAndSwapThroughCachedReadsLosesNothing() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("counter", "0".getBytes(UTF_8))));
      int threads = 4;
      int perThread = 200;
      AtomicInteger backwards = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(pool.submit(() -> {
            long seen = 0;
            for (int i = 0; i < perThread; ) {
              byte[] current = store.readRef("counter");
              long value = Long.parseLong(new String(current, UTF_8));
              if (value < seen) {
                backwards.incrementAndGet();
              }
              seen = value;
              try {
                store.commit(Map.of(), List.of(RefUpdate.cas("counter", current,
                    Long.toString(value + 1).getBytes(UTF_8))));
                i++;
              } catch (RefConflictException retry) {
                // another writer moved it: read again
              }
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(0, backwards.get());
      assertEquals(Integer.toString(threads * perThread), new String(store.readRef("counter"), UTF_8));
    }
  }
}
