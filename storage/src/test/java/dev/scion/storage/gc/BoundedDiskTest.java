package dev.scion.storage.gc;

import static dev.scion.storage.gc.GcFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long update loop over a fixed-size table: with periodic collection the store stops growing. */
class BoundedDiskTest {
  @TempDir
  Path dir;

  @Test
  void storeSizeStaysBoundedUnderALongUpdateLoop() {
    String ref = "refs/heads/main";
    Random r = new Random(11);
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false))) {
      ChunkBuffer buf = new ChunkBuffer(store);
      MapEdits initial = new MapEdits();
      for (long id = 0; id < 20_000; id++) {
        initial.put(key(id), VALUE.encodeValue(randomRow(r, 1_000), buf));
      }
      ProllyMap map = ProllyMap.empty(buf).edit(initial, buf);
      store.commit(buf.pending(), List.of(RefUpdate.set(ref, map.root().bytes())));
      GarbageCollector gc = new GarbageCollector(store, WalkerRegistry.withStorageKinds());
      RootSource roots = RootSources.refs(store, "refs/", ChunkKind.PROLLY_NODE);

      long written = 0;
      List<Long> sizes = new ArrayList<>();
      List<Long> chunkCounts = new ArrayList<>();
      List<Long> reachable = new ArrayList<>();
      for (int round = 0; round < 12; round++) {
        for (int commit = 0; commit < 100; commit++) {
          ChunkBuffer tx = new ChunkBuffer(store);
          MapEdits edits = new MapEdits();
          for (int i = 0; i < 5; i++) {
            edits.put(key(r.nextInt(20_000)), VALUE.encodeValue(randomRow(r, 200), tx));
          }
          byte[] before = store.readRef(ref);
          ProllyMap next = ProllyMap.load(tx, Hash.fromBytes(before)).edit(edits, tx);
          written += tx.pendingBytes();
          store.commit(tx.pending(), List.of(RefUpdate.cas(ref, before, next.root().bytes())));
        }
        GcResult result = gc.collect(roots);
        sizes.add(result.bytesAfter());
        chunkCounts.add(store.countChunks());
        RecordingReader reader = new RecordingReader(store);
        readAll(reader, Hash.fromBytes(store.readRef(ref)));
        reachable.add((long) reader.read.size());
      }
      long first = sizes.get(0);
      long max = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
      // 1,200 commits wrote several times the live data; after each collection the store is back near it.
      assertTrue(written > 4 * first, "the loop wrote " + written + " bytes vs " + first + " live");
      assertTrue(max <= first * 3 / 2 + (1 << 20), "sizes after collection " + sizes);
      // After each collection only the current version's chunks remain (the table grows slowly as some
      // rows get large out-of-line values, so the bound is the live set, not a constant).
      assertEquals(reachable, chunkCounts);
      assertEquals(20_000, ProllyMap.load(store, Hash.fromBytes(store.readRef(ref))).count());
    }
  }
}
