package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ChunkCacheTest {

  private static byte[] chunk(int i, int size) {
    byte[] b = new byte[size];
    ByteBuffer.wrap(b).putInt(i);
    return b;
  }

  @Test
  void staysWithinItsBudget() {
    ChunkCache cache = new ChunkCache(1 << 20);
    for (int i = 0; i < 5000; i++) {
      byte[] c = chunk(i, 1000);
      cache.put(Hash.of(c), c);
      assertTrue(cache.weightBytes() <= cache.capacityBytes());
    }
    assertTrue(cache.weightBytes() > cache.capacityBytes() / 2, "a full cache stays mostly full");
  }

  @Test
  void evictsLeastRecentlyUsedFirst() {
    ChunkCache cache = new ChunkCache(20 * (1000 + ChunkCache.ENTRY_OVERHEAD)); // room for 20 chunks
    byte[] hot = chunk(-1, 1000);
    Hash hotHash = Hash.of(hot);
    cache.put(hotHash, hot);
    for (int i = 0; i < 2000; i++) {
      byte[] c = chunk(i, 1000);
      cache.put(Hash.of(c), c);
      assertSame(hot, cache.get(hotHash), "a chunk read constantly is never evicted");
    }
    assertNull(cache.get(Hash.of(chunk(0, 1000))), "an early, never-read chunk was evicted");
  }

  @Test
  void concurrentReadersAndWritersKeepTheBudget() throws Exception {
    ChunkCache cache = new ChunkCache(200 * (500 + ChunkCache.ENTRY_OVERHEAD));
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int seed = t;
      threads[t] = new Thread(() -> {
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 20_000; i++) {
          byte[] c = chunk(r.nextInt(1000), 500);
          Hash h = Hash.of(c);
          byte[] got = cache.get(h);
          if (got == null) {
            cache.put(h, c);
          } else {
            assertArrayEquals(c, got);
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertTrue(cache.weightBytes() <= cache.capacityBytes());
  }

  @Test
  void hugeChunksAndZeroCapacityAreNotCached() {
    ChunkCache small = new ChunkCache(8 * 4096);
    byte[] huge = chunk(1, 10_000);
    small.put(Hash.of(huge), huge);
    assertNull(small.get(Hash.of(huge)));
    ChunkCache none = new ChunkCache(0);
    byte[] c = chunk(2, 10);
    none.put(Hash.of(c), c);
    assertNull(none.get(Hash.of(c)));
    assertFalse(none.contains(Hash.of(c)));
  }

  @Test
  void removedChunksAreGoneAndTheirWeightIsReclaimed() {
    ChunkCache cache = new ChunkCache(20 * (1000 + ChunkCache.ENTRY_OVERHEAD));
    byte[] a = chunk(1, 1000);
    cache.put(Hash.of(a), a);
    assertNotNull(cache.get(Hash.of(a)));
    cache.remove(Hash.of(a));
    assertNull(cache.get(Hash.of(a)));
    assertFalse(cache.contains(Hash.of(a)));
    cache.put(Hash.of(a), a); // re-added after a removal: a fresh entry
    assertSame(a, cache.get(Hash.of(a)));
    cache.remove(Hash.of(a));
    for (int i = 0; i < 100; i++) {
      byte[] c = chunk(100 + i, 1000);
      cache.put(Hash.of(c), c);
      assertTrue(cache.weightBytes() <= cache.capacityBytes());
    }
    assertNull(cache.get(Hash.of(a)));
  }
}
