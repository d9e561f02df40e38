package dev.scion.storage.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ref log a store keeps for the ref prefixes it was told to log. */
class RefLogTest {
  @TempDir Path dir;

  private static List<String> values(RocksChunkStore store, String ref) {
    return store.refLog(ref).stream().map(e -> new String(e.value(), UTF_8)).toList();
  }

  @Test
  void logsNewValuesNewestFirstAndKeepsThemAfterDeleteAndReopen() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.logRefChanges(List.of("refs/heads/"));
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", "a".getBytes(UTF_8))));
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", "a".getBytes(UTF_8)))); // unchanged
      store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", "a".getBytes(UTF_8), "b".getBytes(UTF_8)),
          RefUpdate.set("config/x", "c".getBytes(UTF_8))));
      store.commit(Map.of(), List.of(RefUpdate.delete("refs/heads/main")));
      assertEquals(List.of("b", "a"), values(store, "refs/heads/main"));
      assertEquals(List.of(), values(store, "config/x"), "only logged prefixes");
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertEquals(List.of("b", "a"), values(store, "refs/heads/main"));
      assertEquals(List.of("refs/heads/main"), List.copyOf(store.loggedRefs()));
      assertTrue(store.refLog("refs/heads/main").get(0).timeMillis() > 0);
      store.clearRefLogs();
      assertEquals(List.of(), values(store, "refs/heads/main"));
      assertTrue(store.loggedRefs().isEmpty());
    }
  }

  @Test
  void aFailedCompareAndSwapLogsNothing() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.logRefChanges(List.of("refs/heads/"));
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", "a".getBytes(UTF_8))));
      try {
        store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", "zz".getBytes(UTF_8), "b".getBytes(UTF_8))));
      } catch (RefConflictException expected) {
        // the ref kept its value
      }
      assertEquals(List.of("a"), values(store, "refs/heads/main"));
    }
  }
}
