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
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-threaded behaviour of the collector on a real RocksDB store. */
class GarbageCollectorTest {
  @TempDir
  Path dir;

  private static final String REF = "refs/heads/main";

  private static RocksChunkStore open(Path dir) {
    return RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false));
  }

  private static RootSource mainRef(RocksChunkStore store) {
    return RootSources.refs(store, "refs/", ChunkKind.PROLLY_NODE);
  }

  /** Commits {@code rows} random updates to the table at REF; returns the new root. */
  private static Hash commitEdits(RocksChunkStore store, Random r, int rows, TreeMap<Long, Object[]> model) {
    byte[] before = store.readRef(REF);
    ChunkBuffer buf = new ChunkBuffer(store);
    ProllyMap map = before == null ? ProllyMap.empty(buf) : ProllyMap.load(buf, Hash.fromBytes(before));
    MapEdits edits = new MapEdits();
    for (int i = 0; i < rows; i++) {
      long id = r.nextInt(2_000);
      if (r.nextInt(6) == 0) {
        edits.delete(key(id));
        model.remove(id);
      } else {
        Object[] row = randomRow(r, 8);
        edits.put(key(id), VALUE.encodeValue(row, buf));
        model.put(id, row);
      }
    }
    ProllyMap next = map.edit(edits, buf);
    store.commit(buf.pending(), List.of(RefUpdate.cas(REF, before, next.root().bytes())));
    return next.root();
  }

  private static void assertRows(TreeMap<Long, Object[]> expected, TreeMap<Long, Object[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (Long id : expected.keySet()) {
      assertArrayEquals(expected.get(id), actual.get(id), "row " + id);
    }
  }

  @Test
  void deletesExactlyTheUnreachableChunks() {
    try (RocksChunkStore store = open(dir)) {
      Random r = new Random(1);
      TreeMap<Long, Object[]> model = new TreeMap<>();
      Hash root = null;
      for (int i = 0; i < 30; i++) {
        root = commitEdits(store, r, 60, model);
      }
      long before = store.countChunks();
      GcResult result = new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(mainRef(store));

      RecordingReader reader = new RecordingReader(store);
      assertRows(model, readAll(reader, root));
      assertEquals(reader.read.size(), store.countChunks(), "only reachable chunks remain");
      assertEquals(before - reader.read.size(), result.deletedChunks());
      assertEquals(reader.read.size(), result.markedChunks());
      assertEquals(0, result.missingChunks());
      assertTrue(result.deletedChunks() > 0, "30 versions leave garbage");
      // A second collection finds nothing more to do.
      assertEquals(0, new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(mainRef(store))
          .deletedChunks());
    }
    try (RocksChunkStore store = open(dir)) {
      assertNotNull(readAll(store, Hash.fromBytes(store.readRef(REF))));
    }
  }

  /**
   * A statement older than the fence read a value before the listing, when no ref reached it any more, and names it
   * in a ref it writes before it ends (dolt_checkout -b carrying a working root the branch has left): neither a
   * write nor an existence check records that value's chunks, so only a listing after the fence can keep them.
   */
  @Test
  void keepsWhatAStatementOlderThanTheFenceNamesInARefItWritesBeforeItEnds() {
    try (RocksChunkStore store = open(dir)) {
      commitEdits(store, new Random(3), 20, new TreeMap<>());
      Hash carried = store.put(new byte[] {5, 5, 5}); // reached by no root when the collection lists them
      Hash[] named = {null};
      ReaderFence olderStatement = new ReaderFence() {
        @Override
        public long raise() {
          return 1;
        }

        @Override
        public boolean awaitReadersBefore(long fence) {
          named[0] = carried; // it writes its ref, then ends
          return true;
        }
      };
      RootSource roots = sink -> {
        mainRef(store).roots(sink);
        if (named[0] != null) {
          sink.child(named[0], ChunkKind.LEAF);
        }
      };
      new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots, olderStatement);
      assertNotNull(store.get(carried), "the chunk the new ref names");
    }
  }

  @Test
  void keepsChunksWrittenOrCheckedWhileItRuns() {
    try (RocksChunkStore store = open(dir)) {
      Random r = new Random(2);
      TreeMap<Long, Object[]> model = new TreeMap<>();
      commitEdits(store, r, 50, model);
      Hash oldGarbage = store.put(new byte[] {9, 9, 9}); // unreachable, existence-checked during the run
      Hash doomed = store.put(new byte[] {7, 7, 7}); // unreachable, untouched: must go
      byte[] fresh = {4, 2};
      int[] calls = {0};
      RootSource roots = sink -> {
        if (calls[0]++ == 0) {
          // Between the barrier start and the final mark, as a concurrent writer would.
          store.put(fresh);
          assertTrue(store.has(oldGarbage));
        }
        mainRef(store).roots(sink);
      };
      GcResult result = new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots);
      assertEquals(3, calls[0], "roots are read at the start, in the final mark and after the fence");
      assertNotNull(store.get(Hash.of(fresh)));
      assertNotNull(store.get(oldGarbage));
      assertNull(store.get(doomed));
      assertFalse(store.has(doomed));
      assertTrue(result.barrierChunks() >= 2);
      assertEquals(fresh.length, result.barrierBytes(), "only the chunk written during the run counts as written");
      // Once nothing is writing, the next collection removes them.
      new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(mainRef(store));
      assertNull(store.get(Hash.of(fresh)));
      assertNull(store.get(oldGarbage));
    }
  }

  @Test
  void liveSessionRootsAreKept() {
    try (RocksChunkStore store = open(dir)) {
      Random r = new Random(3);
      TreeMap<Long, Object[]> model = new TreeMap<>();
      Hash old = commitEdits(store, r, 200, model);
      TreeMap<Long, Object[]> oldRows = readAll(store, old);
      for (int i = 0; i < 10; i++) {
        commitEdits(store, r, 200, model);
      }
      // A transaction still reading the old version reports it as a root.
      RootSource roots = RootSources.both(mainRef(store), sink -> sink.child(old, ChunkKind.PROLLY_NODE));
      new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots);
      assertRows(oldRows, readAll(store, old));
      assertRows(model, readAll(store, Hash.fromBytes(store.readRef(REF))));
    }
  }

  @Test
  void unknownKindAbortsBeforeDeletingAnything() {
    try (RocksChunkStore store = open(dir)) {
      commitEdits(store, new Random(4), 50, new TreeMap<>());
      store.put(new byte[] {1});
      long before = store.countChunks();
      ChunkKind commit = new ChunkKind("versioning.commit");
      RootSource roots = sink -> sink.child(Hash.fromBytes(store.readRef(REF)), commit);
      assertThrows(IllegalArgumentException.class,
          () -> new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots));
      assertEquals(before, store.countChunks());
      // The barrier was released: a later collection can run.
      new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(mainRef(store));
      RecordingReader reader = new RecordingReader(store);
      readAll(reader, Hash.fromBytes(store.readRef(REF)));
      assertEquals(reader.read.size(), store.countChunks());
      assertTrue(reader.read.size() < before);
    }
  }

  @Test
  void otherModulesPlugInTheirOwnKinds() {
    try (RocksChunkStore store = open(dir)) {
      TreeMap<Long, Object[]> model = new TreeMap<>();
      Hash table = commitEdits(store, new Random(5), 80, model);
      // A "commit" chunk of another module: kind byte, then the address of its table.
      byte[] commitChunk = new byte[1 + Hash.LENGTH];
      commitChunk[0] = 1;
      table.writeTo(commitChunk, 1);
      ChunkKind commitKind = new ChunkKind("test.commit");
      Hash commit = store.put(commitChunk);
      store.commit(java.util.Map.of(), List.of(RefUpdate.set(REF, commit.bytes())));
      WalkerRegistry walkers = WalkerRegistry.withStorageKinds().register(commitKind,
          (address, chunk, out) -> out.child(Hash.fromBytes(chunk, 1), ChunkKind.PROLLY_NODE));
      new GarbageCollector(store, walkers).collect(RootSources.refs(store, "refs/", commitKind));
      assertNotNull(store.get(commit));
      assertRows(model, readAll(store, table));
    }
  }

  @Test
  void markSetHoldsExactlyWhatWasAdded() {
    MarkSet set = new MarkSet();
    Set<Hash> all = new HashSet<>();
    Random r = new Random(6);
    for (int i = 0; i < 50_000; i++) {
      byte[] b = new byte[Hash.LENGTH];
      r.nextBytes(b);
      Hash h = Hash.fromBytes(b);
      assertEquals(all.add(h), set.add(h));
    }
    for (Hash h : all) {
      assertTrue(set.contains(h));
    }
    assertEquals(all.size(), set.size());
    assertFalse(set.contains(Hash.of(new byte[] {1})));
    // Keys differing only in their second word are distinct.
    MarkSet pairs = new MarkSet();
    assertTrue(pairs.add(42, 1));
    assertTrue(pairs.add(42, 2));
    assertFalse(pairs.add(42, 1));
    assertTrue(pairs.add(0, 0));
    assertTrue(pairs.contains(0, 0));
  }

  @Test
  void multiLevelBlobsAreKeptWhileReferencedAndFreedAfter() {
    try (RocksChunkStore store = open(dir)) {
      TupleDescriptor bytesRow = new TupleDescriptor(FieldType.BYTES);
      Random r = new Random(8);
      byte[] first = new byte[5_000_000]; // about 1,100 leaves: two levels of internal blob nodes
      r.nextBytes(first);
      byte[] second = first.clone();
      second[2_500_000] ^= 1; // one byte differs: the two blobs share all but a few chunks
      Hash[] roots = new Hash[2];
      byte[] before = null;
      for (int v = 0; v < 2; v++) {
        ChunkBuffer buf = new ChunkBuffer(store);
        ProllyMap map = before == null ? ProllyMap.empty(buf) : ProllyMap.load(buf, Hash.fromBytes(before));
        byte[] value = bytesRow.encodeValue(new Object[] {v == 0 ? first : second}, buf);
        roots[v] = bytesRow.outOfLineRef(value, 0).root();
        ProllyMap next = map.edit(new MapEdits().put(key(1), value), buf);
        store.commit(buf.pending(), List.of(RefUpdate.cas(REF, before, next.root().bytes())));
        before = next.root().bytes();
        if (v == 0) {
          assertTrue(store.get(roots[0])[0] >= 2, "the blob's root is at level 2 or above");
        }
      }
      long stored = store.countChunks();
      GcResult result = new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(mainRef(store));
      ProllyMap map = ProllyMap.load(store, Hash.fromBytes(store.readRef(REF)));
      assertArrayEquals(second, (byte[]) bytesRow.decodeValue(map.get(key(1)), store)[0]);
      assertNull(store.get(roots[0]), "the old version's blob root is garbage");
      assertTrue(result.deletedChunks() > 0 && result.deletedChunks() < 10,
          "only the chunks the versions do not share go: " + result.deletedChunks() + " of " + stored);
    }
  }

  @Test
  void anAddressReachedAsTwoKindsIsWalkedAsEach() {
    try (RocksChunkStore store = open(dir)) {
      // A one-leaf table whose only row holds a blob: its root is a prolly leaf of a few hundred bytes.
      ChunkBuffer buf = new ChunkBuffer(store);
      String big = "q".repeat(5_000);
      byte[] row = VALUE.encodeValue(new Object[] {1L, big}, buf);
      ProllyMap table = ProllyMap.empty(buf).edit(new MapEdits().put(key(1), row), buf);
      byte[] leaf = buf.get(table.root());
      // A user blob with exactly the leaf's bytes after the level byte: one blob leaf, the same chunk.
      byte[] crafted = java.util.Arrays.copyOfRange(leaf, 1, leaf.length);
      Hash blobRoot = dev.scion.storage.blob.BlobTree.write(buf, crafted).root();
      assertEquals(table.root(), blobRoot, "the blob's only leaf is the table's leaf");
      store.commit(buf.pending(), List.of(RefUpdate.set("refs/blob", blobRoot.bytes()),
          RefUpdate.set("refs/table", table.root().bytes())));
      // Listed first as a blob (no children), then as a table (whose row references the string's blob).
      RootSource roots = sink -> {
        sink.child(blobRoot, ChunkKind.BLOB_NODE);
        sink.child(table.root(), ChunkKind.PROLLY_NODE);
      };
      new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots);
      assertEquals(big, VALUE.decodeValue(ProllyMap.load(store, table.root()).get(key(1)), store)[1]);
    }
  }
}
