package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.MissingChunkException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intended write path: edit into a session buffer, commit chunks and the root ref atomically. */
class ProllyOnRocksTest {
  @TempDir
  Path dir;

  @Test
  void editsCommittedThroughABufferSurviveReopen() {
    Random r = new Random(77);
    TreeMap<byte[], byte[]> model = newModel();
    Hash root;
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      ChunkBuffer session = new ChunkBuffer(store);
      ProllyMap map = ProllyMap.empty(session);
      for (int txn = 0; txn < 20; txn++) {
        MapEdits edits = new MapEdits();
        for (int i = 0; i < 500; i++) {
          byte[] k = intKey(r.nextInt(20_000));
          if (r.nextInt(5) == 0) {
            edits.delete(k);
            model.remove(k);
          } else {
            byte[] v = randomValue(r, 0, 150);
            edits.put(k, v);
            model.put(k, v);
          }
        }
        byte[] before = store.readRef("refs/heads/main");
        map = map.edit(edits, session);
        store.commit(session.pending(), List.of(RefUpdate.cas("refs/heads/main", before, map.root().bytes())));
        session.clear();
        map = ProllyMap.load(session, map.root()); // every node must now come from the store
        assertEquals(model.size(), map.count());
      }
      root = map.root();
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertEquals(root, Hash.fromBytes(store.readRef("refs/heads/main")));
      ProllyMap map = ProllyMap.load(store, root);
      assertTrue(sameEntries(entries(model), scan(map.cursor())));
      assertEquals(build(new ChunkBuffer(store), model).root(), root);
    }
  }

  @Test
  void loadingAMissingRootFailsClearly() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      Hash nowhere = Hash.of(new byte[] {1, 2, 3});
      MissingChunkException e = assertThrows(MissingChunkException.class, () -> ProllyMap.load(store, nowhere));
      assertEquals(nowhere, e.address());
    }
  }
}
