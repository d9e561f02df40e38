package dev.scion.storage.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drain judges young chunks by the refs' values as it lists them, and some of those values may sit in log
 * records no sync has covered yet (a commit written but not yet acknowledged). If it dropped a chunk that only an
 * older value reaches before those records were durable, a power loss could bring the older value back without its
 * chunk. {@link PowerLossTest}'s random cuts do not reach that window, so this test pins the order down directly:
 * with a ref moved by an unsynced write, the drain must sync the log after listing the refs and before it drops the
 * chunk the ref no longer names. Removing the sync from {@link NurseryMarker#live} makes it fail.
 */
class NurseryDrainSyncTest {
  @TempDir
  Path dir;

  private static byte[] chunk(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theLogIsSyncedAfterTheRefsAreListedAndBeforeAnythingIsDropped() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withNursery(true))) {
      store.attachNurseryLiveness(new NurseryMarker(RootSources.refs(store, "", ChunkKind.LEAF),
          WalkerRegistry.withStorageKinds(), ReaderFence.NONE, () -> true, 1_000));
      byte[] old = chunk("the value the ref held first");
      byte[] next = chunk("the value an unsynced write moved it to");
      Hash oldHash = Hash.of(old);
      Hash nextHash = Hash.of(next);
      store.commit(Map.of(oldHash, old), List.of(RefUpdate.set("head", oldHash.bytes())));
      // appended to the log, not synced: nobody awaits this ticket
      store.write(Map.of(nextHash, next), List.of(RefUpdate.set("head", nextHash.bytes())));

      List<String> syncs = new ArrayList<>();
      long droppedBefore = store.chunksDropped();
      store.beforeLogSync(() -> syncs.add("old chunk " + (store.nurseryChunk(oldHash) != null ? "young" : "gone")
          + ", dropped " + (store.chunksDropped() - droppedBefore)));
      store.drainNursery();

      assertEquals(1, store.chunksDropped() - droppedBefore, "the drain dropped the chunk the ref left");
      assertFalse(store.has(oldHash));
      assertArrayEquals(next, store.get(nextHash));
      assertFalse(syncs.isEmpty(), "the drain dropped a chunk without syncing the log first");
      assertEquals("old chunk young, dropped 0", syncs.get(0),
          "the first sync must come before the drop (and after the unsynced write, which it therefore covers)");
    }
  }
}
