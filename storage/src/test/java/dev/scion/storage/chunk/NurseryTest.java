package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.log.RedoLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The young generation of chunks: what drains keep, drop, and what every reader sees meanwhile. */
class NurseryTest {
  @TempDir
  Path dir;

  private static final StoreOptions NURSERY = StoreOptions.defaults().withNursery(true);

  private static byte[] chunk(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A liveness that calls each ref value (a 20-byte address) live, and nothing else, after starting the barrier. */
  private static NurseryLiveness refValues(Set<Hash> extra) {
    return store -> {
      Set<Hash> live = new HashSet<>(extra);
      store.withWritesPaused(() -> {
        store.beginNurseryBarrier();
        for (byte[] v : store.listRefs("").values()) {
          if (v.length == Hash.LENGTH) {
            live.add(Hash.fromBytes(v));
          }
        }
        return null;
      });
      return live;
    };
  }

  @Test
  void youngChunksAreReadFromTheNurseryAndOnlyLiveOnesReachRocksDb() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      store.attachNurseryLiveness(refValues(Set.of()));
      Hash last = null;
      for (int i = 0; i < 100; i++) {
        byte[] c = chunk("version " + i);
        last = Hash.of(c);
        store.commit(Map.of(last, c), List.of(RefUpdate.set("head", last.bytes())));
        assertArrayEquals(c, store.get(last));
        assertTrue(store.has(last));
      }
      assertEquals(0, store.countChunks(), "nothing reached RocksDB before a drain");
      assertEquals(100, store.nurseryChunks());
      store.drainNursery();
      assertEquals(1, store.countChunks(), "only the chunk the ref reaches was written");
      assertEquals(99, store.chunksDropped());
      assertEquals(0, store.nurseryChunks());
      assertArrayEquals(chunk("version 99"), store.get(last));
      assertFalse(store.has(Hash.of(chunk("version 5"))));
      assertEquals(1, store.chunksToRocks());
    }
  }

  @Test
  void withoutLivenessADrainKeepsEverything() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      for (int i = 0; i < 10; i++) {
        byte[] c = chunk("v" + i);
        store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("head", Hash.of(c).bytes())));
      }
      store.drainNursery();
      assertEquals(10, store.countChunks());
      assertEquals(0, store.chunksDropped());
      assertEquals(1, store.drainsKeptAll());
    }
  }

  @Test
  void aChunkCheckedForExistenceDuringTheDrainIsKept() {
    byte[] checked = chunk("found present by a writer");
    byte[] other = chunk("garbage");
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      store.commit(Map.of(Hash.of(checked), checked, Hash.of(other), other), List.of(RefUpdate.set("r", new byte[] {1})));
      store.attachNurseryLiveness(s -> {
        s.withWritesPaused(() -> {
          s.beginNurseryBarrier();
          return null;
        });
        assertTrue(s.has(Hash.of(checked))); // a writer about to reference it
        return Set.of();
      });
      store.drainNursery();
      assertArrayEquals(checked, store.get(Hash.of(checked)));
      assertNull(store.get(Hash.of(other)));
    }
  }

  @Test
  void aChunkStoredWithoutARefChangeMakesTheDrainKeepEveryYoungChunkBeforeIt() {
    byte[] young = chunk("a working root");
    byte[] dangling = chunk("a dangling commit naming the working root");
    byte[] later = chunk("a later, unreachable root");
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      store.attachNurseryLiveness(refValues(Set.of()));
      store.commit(Map.of(Hash.of(young), young), List.of(RefUpdate.set("ws", new byte[] {1})));
      store.commit(Map.of(Hash.of(dangling), dangling), List.of()); // straight to RocksDB
      store.commit(Map.of(Hash.of(later), later), List.of(RefUpdate.set("ws", new byte[] {2})));
      store.drainNursery();
      assertArrayEquals(young, store.get(Hash.of(young)), "the dangling commit may reference it");
      assertArrayEquals(dangling, store.get(Hash.of(dangling)));
      assertArrayEquals(later, store.get(Hash.of(later)), "same generation: kept too");
      byte[] next = chunk("a root of the next generation");
      store.commit(Map.of(Hash.of(next), next), List.of(RefUpdate.set("ws", new byte[] {3})));
      store.drainNursery();
      assertNull(store.get(Hash.of(next)), "a generation after the dangling commit is judged by reachability");
    }
  }

  /**
   * A drain lists the nursery while a writer may be putting the chunks of its record one by one: a table chunk may
   * be in the listing and its row tree's root not yet. Written to RocksDB alone, the table would stop every later
   * drain's walk above the root, and the next drain would drop the root as unreachable (the soak with inline writes
   * lost a notes table's rows this way, to a drain that kept everything at the start of a dolt_gc).
   */
  @Test
  void aDrainKeepingEverythingLeavesARecordItFindsHalfPutInTheNursery() {
    byte[] parent = chunk("a table naming its row tree");
    byte[] child = chunk("the row tree's root");
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      Nursery nursery = store.nursery();
      long g = nursery.freeze(); // the drain of g was asked for at this record boundary
      nursery.put(Hash.of(parent), parent); // the next record is being put: its parent first ...
      new NurseryDrain(store, nursery).drain(g, true); // ... when the drain lists the nursery ...
      nursery.put(Hash.of(child), child); // ... and then its child
      assertEquals(0, store.countChunks(), "no chunk of the half-put record reached RocksDB");
      assertEquals(2, store.nurseryChunks());
      new NurseryDrain(store, nursery).drain(g + 1, true);
      assertEquals(2, store.countChunks(), "the next drain writes the whole record");
      assertArrayEquals(child, store.get(Hash.of(child)));
    }
  }

  @Test
  void aCleanCloseWritesTheNurseryAndTheNextOpenReplaysNothing() {
    byte[] c = chunk("committed just before close");
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY)) {
      store.attachNurseryLiveness(refValues(Set.of()));
      store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("x", new byte[] {7})));
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertEquals(0, store.recordsReplayedAtOpen());
      assertArrayEquals(c, store.get(Hash.of(c)));
    }
  }

  @Test
  void aCloseLeavingYoungChunksInTheLogWritesNoneAndTheNextOpenReplaysThem() {
    byte[] c = chunk("committed just before a drop");
    RocksChunkStore store = RocksChunkStore.open(dir, NURSERY);
    store.attachNurseryLiveness(refValues(Set.of()));
    store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set("x", new byte[] {7})));
    long toRocks = store.chunksToRocks();
    store.closeLeavingYoungChunksInLog();
    assertEquals(toRocks, store.chunksToRocks(), "no young chunk written at close");
    assertEquals(0, store.drains());
    try (RocksChunkStore reopened = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertTrue(reopened.recordsReplayedAtOpen() > 0, "no clean checkpoint: the log is replayed");
      assertArrayEquals(c, reopened.get(Hash.of(c)));
      assertArrayEquals(new byte[] {7}, reopened.readRef("x"));
    }
  }

  @Test
  void segmentChangesDrainAndTheCheckpointWaitsForThem() {
    RedoLog.Sizing sizing = new RedoLog.Sizing(4, 16 << 10, 32 << 10);
    Hash last = null;
    try (RocksChunkStore store = RocksChunkStore.open(dir, NURSERY, sizing)) {
      store.attachNurseryLiveness(refValues(Set.of()));
      for (int i = 0; i < 2_000; i++) {
        byte[] c = new byte[600];
        new java.util.Random(i).nextBytes(c);
        last = Hash.of(c);
        store.commit(Map.of(last, c), List.of(RefUpdate.set("head", last.bytes())));
      }
      assertTrue(store.drains() > 5, "drains: " + store.drains());
      assertTrue(store.chunksDropped() > 1_000, "dropped: " + store.chunksDropped());
      assertTrue(store.chunksToRocks() < 200, "written to RocksDB: " + store.chunksToRocks());
      assertNotNull(store.get(last));
    }
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults(), sizing)) {
      assertArrayEquals(last.bytes(), store.readRef("head"));
      assertNotNull(store.get(last));
    }
  }
}
