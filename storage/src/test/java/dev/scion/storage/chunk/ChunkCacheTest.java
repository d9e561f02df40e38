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
    ChunkCache cache = new ChunkCache(16 * 10 * (1000 + ChunkCache.ENTRY_OVERHEAD)); // ~10 per shard
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
  void hugeChunksAndZeroCapacityAreNotCached() {
    ChunkCache small = new ChunkCache(16 * 4096);
    byte[] huge = chunk(1, 10_000);
    small.put(Hash.of(huge), huge);
    assertNull(small.get(Hash.of(huge)));
    ChunkCache none = new ChunkCache(0);
    byte[] c = chunk(2, 10);
    none.put(Hash.of(c), c);
    assertNull(none.get(Hash.of(c)));
    assertFalse(none.contains(Hash.of(c)));
  }
}
