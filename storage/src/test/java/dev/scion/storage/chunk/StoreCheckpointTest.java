package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's open replays only what its tables may lack, and flushes nothing when that is nothing. */
class StoreCheckpointTest {
  @TempDir
  Path dir;

  private static void commit(RocksChunkStore store, int i) {
    byte[] c = CrashWriter.chunk(i);
    store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("c/" + i, Hash.of(c).bytes())));
  }

  private Set<String> tableFiles(Path db) throws IOException {
    try (var files = Files.list(db)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sst")).collect(Collectors.toSet());
    }
  }

  @Test
  void anOpenAfterACleanCloseReplaysNoRecordAndWritesNoTable() throws IOException {
    Path db = dir.resolve("db");
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      assertEquals(0, store.recordsReplayedAtOpen(), "a new store");
      for (int i = 0; i < 200; i++) {
        commit(store, i);
      }
    }
    Set<String> tables = tableFiles(db);
    assertFalse(tables.isEmpty(), "the close flushed");
    for (int reopen = 0; reopen < 3; reopen++) {
      try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
        assertEquals(0, store.recordsReplayedAtOpen());
        for (int i = 0; i < 200; i += 37) {
          byte[] c = CrashWriter.chunk(i);
          assertArrayEquals(c, store.get(Hash.of(c)));
          assertArrayEquals(Hash.of(c).bytes(), store.readRef("c/" + i));
        }
      }
      assertEquals(tables, tableFiles(db), "neither the open nor the close had anything to flush");
    }
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      commit(store, 1000);
    }
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      assertEquals(0, store.recordsReplayedAtOpen());
      byte[] c = CrashWriter.chunk(1000);
      assertArrayEquals(c, store.get(Hash.of(c)));
    }
  }
}
