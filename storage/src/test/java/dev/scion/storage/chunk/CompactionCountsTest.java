package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.Hash;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What RocksDB writes for the small L0 files a store makes (a nursery drain flushes a few MB at a time), counted
 * in bytes, never timed. Chunk keys are random hashes, so a compaction of L0 into a level overlaps all of that
 * level: into the bottommost level of a store that has grown, it rewrites the whole store (docs/performance.md,
 * round 27).
 */
class CompactionCountsTest {
  private static final int CHUNK_BYTES = 4096;
  private static final int FLUSHES = 10;

  @TempDir
  Path dir;

  @Test
  void smallFlushesAreNotCompactedIntoTheWholeStore() throws Exception {
    Random random = new Random(27);
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false))) {
      // a store of 32 MB, all of it in the bottommost level, as after a while of drains
      for (int i = 0; i < 32; i++) {
        store.commit(randomChunks(random, 256), List.of());
      }
      store.flush();
      store.compactChunks();
      long before = store.rocksBytesWritten();

      // ten drains of 256 KB, each compaction awaited
      for (int i = 0; i < FLUSHES; i++) {
        store.commit(randomChunks(random, 64), List.of());
        store.flush();
        awaitCompactions(store);
      }
      long written = store.rocksBytesWritten() - before;

      double amplification = (double) written / (FLUSHES * 64 * CHUNK_BYTES);
      System.out.println("FIGURE RocksDB bytes written per chunk byte, " + FLUSHES + " flushes of 256 KB onto 32 MB = "
          + String.format("%.2f", amplification));
      assertTrue(amplification >= 1, "the flushes alone write every chunk once: " + amplification);
      // Flushed, then compacted into a base level of about 3 MB (1 + 2 MB for 2.5 MB flushed, well inside it,
      // so that nothing moves on into the bottommost level): about 2. With the base level at the bottom, RocksDB
      // merges L0 files among themselves until L0 is about a tenth of that level, then compacts L0 into it and
      // rewrites all 32 MB: over 10.
      assertTrue(amplification < 5, "RocksDB wrote " + amplification + " bytes per chunk byte");
      assertEquals(0, Long.parseLong(store.chunkProperty("rocksdb.num-files-at-level0")) / 4,
          "L0 was compacted down to fewer than four files");
    }
  }

  private static Map<Hash, byte[]> randomChunks(Random random, int count) {
    Map<Hash, byte[]> chunks = new HashMap<>();
    for (int i = 0; i < count; i++) {
      byte[] chunk = new byte[CHUNK_BYTES];
      random.nextBytes(chunk);
      chunks.put(Hash.of(chunk), chunk);
    }
    return chunks;
  }

  private static void awaitCompactions(RocksChunkStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if ("0".equals(store.chunkProperty("rocksdb.compaction-pending"))
          && "0".equals(store.chunkProperty("rocksdb.num-running-compactions"))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("compactions still running after 60 s");
  }
}
