package dev.scion.storage.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksChunkStoreTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static Map<Hash, byte[]> chunks(byte[]... cs) {
    Map<Hash, byte[]> m = new LinkedHashMap<>();
    for (byte[] c : cs) {
      m.put(Hash.of(c), c);
    }
    return m;
  }

  @Test
  void storesChunksAndRefsAcrossReopen() {
    Path db = dir.resolve("nested/db"); // created if missing
    byte[] a = bytes("chunk a");
    byte[] b = new byte[100_000]; // a large chunk, stored as a blob file
    new Random(1).nextBytes(b);
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      assertEquals(Hash.of(a), store.put(a));
      store.commit(chunks(b), List.of(RefUpdate.set("refs/heads/main", Hash.of(b).bytes())));
      assertArrayEquals(a, store.get(Hash.of(a)));
      assertTrue(store.has(Hash.of(b)));
      assertFalse(store.has(Hash.of(bytes("nope"))));
      assertNull(store.get(Hash.of(bytes("nope"))));
    }
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      assertArrayEquals(a, store.get(Hash.of(a)));
      assertArrayEquals(b, store.get(Hash.of(b)));
      assertArrayEquals(Hash.of(b).bytes(), store.readRef("refs/heads/main"));
      assertNull(store.readRef("refs/heads/other"));
      store.flush();
      assertTrue(store.approximateSizeBytes() > 0);
      store.compact();
      assertArrayEquals(b, store.get(Hash.of(b)));
    }
  }

  @Test
  void listsRefsByPrefixInOrder() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(
          RefUpdate.set("refs/heads/main", bytes("1")),
          RefUpdate.set("refs/heads/feature", bytes("2")),
          RefUpdate.set("refs/tags/v1", bytes("3")),
          RefUpdate.set("refs/heads/\u00e9t\u00e9", bytes("4")),
          RefUpdate.set("workingsets/main", bytes("5"))));
      SortedMap<String, byte[]> heads = store.listRefs("refs/heads/");
      assertEquals(List.of("refs/heads/feature", "refs/heads/main", "refs/heads/\u00e9t\u00e9"), List.copyOf(heads.keySet()));
      assertArrayEquals(bytes("4"), heads.get("refs/heads/\u00e9t\u00e9"));
      assertEquals(5, store.listRefs("").size());
      assertTrue(store.listRefs("zzz").isEmpty());
      store.commit(Map.of(), List.of(RefUpdate.delete("refs/tags/v1")));
      assertTrue(store.listRefs("refs/tags/").isEmpty());
    }
  }

  @Test
  void compareAndSwapSucceedsOnTheExpectedValue() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.cas("head", null, bytes("v1")))); // must not exist: ok
      store.commit(Map.of(), List.of(RefUpdate.cas("head", bytes("v1"), bytes("v2"))));
      assertArrayEquals(bytes("v2"), store.readRef("head"));
      // later updates in one commit see earlier ones
      store.commit(Map.of(), List.of(RefUpdate.cas("head", bytes("v2"), bytes("v3")), RefUpdate.cas("head", bytes("v3"), bytes("v4"))));
      assertArrayEquals(bytes("v4"), store.readRef("head"));
      store.commit(Map.of(), List.of(RefUpdate.cas("head", bytes("v4"), null))); // CAS delete
      assertNull(store.readRef("head"));
    }
  }

  @Test
  void failedCompareAndSwapWritesNothing() {
    byte[] c = bytes("a chunk of a commit that loses");
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      store.commit(Map.of(), List.of(RefUpdate.set("refs/heads/main", bytes("old"))));
      RefConflictException e = assertThrows(RefConflictException.class, () -> store.commit(chunks(c), List.of(
          RefUpdate.set("refs/heads/other", bytes("x")),
          RefUpdate.cas("refs/heads/main", bytes("stale"), bytes("new")))));
      assertEquals("refs/heads/main", e.refName());
      assertTrue(e.getMessage().contains("refs/heads/main"), e.getMessage());
      assertFalse(store.has(Hash.of(c)), "the chunks of a failed commit are not written");
      assertNull(store.readRef("refs/heads/other"), "no ref of a failed commit is written");
      assertArrayEquals(bytes("old"), store.readRef("refs/heads/main"));

      assertThrows(RefConflictException.class,
          () -> store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/main", null, bytes("x")))),
          "null expected means the ref must not exist");
      assertThrows(RefConflictException.class,
          () -> store.commit(Map.of(), List.of(RefUpdate.cas("refs/heads/absent", bytes("x"), bytes("y")))));
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsCleanly() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      StorageException e = assertThrows(StorageException.class, () -> RocksChunkStore.open(dir, StoreOptions.defaults()));
      assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
      assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
      store.put(bytes("still works"));
    }
    try (RocksChunkStore again = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      assertTrue(again.has(Hash.of(bytes("still works"))), "closing released the lock");
    }
  }

  @Test
  void putVerifiedRejectsCorruptChunks() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      byte[] good = bytes("received from a remote");
      Hash h = Hash.of(good);
      byte[] bad = good.clone();
      bad[0] ^= 1;
      CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> store.putVerified(h, bad));
      assertEquals(h, e.expected());
      assertEquals(Hash.of(bad), e.actual());
      assertFalse(store.has(h));
      store.putVerified(h, good);
      assertArrayEquals(good, store.get(h));
    }
  }

  @Test
  void closedStoreRefusesWork() {
    RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false));
    store.commit(chunks(bytes("x")), List.of());
    store.close();
    store.close(); // idempotent
    assertThrows(StorageException.class, () -> store.readRef("a"));
    assertThrows(StorageException.class, () -> store.put(bytes("y")));
    assertThrows(StorageException.class, () -> store.commit(chunks(bytes("z")), List.of()));
  }

  @Test
  void chunkCacheServesRepeatedReads() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, new StoreOptions(1 << 20, 8 << 20, true))) {
      byte[] c = bytes("cached");
      store.put(c);
      byte[] first = store.get(Hash.of(c));
      assertSame(first, store.get(Hash.of(c)), "the second read comes from the in-process cache");
      assertTrue(store.chunkCache().weightBytes() > 0);
    }
  }

  @Test
  void cacheSizesComeFromStoreOptions() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, new StoreOptions(3 << 20, 24 << 20, true))) {
      assertEquals(24L << 20, Long.parseLong(store.chunkProperty("rocksdb.block-cache-capacity")));
      assertEquals(3L << 20, store.chunkCache().capacityBytes());
    }
  }

  @Test
  void putVerifiedRejectsATruncatedChunkAndAWrongAddress() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      byte[] good = bytes("a chunk from a remote");
      Hash h = Hash.of(good);
      assertThrows(CorruptChunkException.class, () -> store.putVerified(h, java.util.Arrays.copyOf(good, good.length - 1)));
      assertThrows(CorruptChunkException.class, () -> store.putVerified(Hash.of(bytes("other")), good));
      assertFalse(store.has(h));
      assertFalse(store.has(Hash.of(bytes("other"))));
    }
  }

  @Test
  void chunkAddressesArePagedInOrderAndDeletesRespectTheBarrier() {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false))) {
      java.util.TreeSet<Hash> all = new java.util.TreeSet<>();
      for (int i = 0; i < 250; i++) {
        all.add(store.put(bytes("chunk " + i)));
      }
      List<Hash> paged = new java.util.ArrayList<>();
      Hash after = null;
      for (List<Hash> page; !(page = store.chunkAddressesAfter(after, 64)).isEmpty(); after = page.get(page.size() - 1)) {
        assertTrue(page.size() <= 64);
        paged.addAll(page);
      }
      assertEquals(List.copyOf(all), paged, "every address once, in unsigned byte order");
      assertEquals(250, store.countChunks());

      Hash kept = all.first();
      Hash gone = all.last();
      assertNotNull(store.get(gone)); // cached
      WriteBarrier barrier = store.beginBarrier();
      try {
        assertThrows(IllegalStateException.class, store::beginBarrier, "one collection at a time");
        assertTrue(store.has(kept)); // recorded: a writer may now rely on it
        assertEquals(1, store.deleteUnlessRecorded(List.of(kept, gone)));
      } finally {
        store.endBarrier(barrier);
      }
      assertTrue(store.has(kept));
      assertFalse(store.has(gone), "deleted and dropped from the cache");
      assertNull(store.get(gone));
    }
  }

  @Test
  void aFollowerReadsWhatTheOwnerCommittedAndCannotWrite() {
    Path db = dir.resolve("owned");
    byte[] a = bytes("committed before the follower opened");
    try (RocksChunkStore owner = RocksChunkStore.open(db, StoreOptions.defaults())) {
      owner.commit(chunks(a), List.of(RefUpdate.set("refs/heads/main", Hash.of(a).bytes())));
      StorageException inUse = assertThrows(StorageException.class,
          () -> RocksChunkStore.open(db, StoreOptions.defaults()));
      assertTrue(RocksChunkStore.isInUse(inUse), inUse.getMessage());
      try (RocksChunkStore follower = RocksChunkStore.openFollower(db, StoreOptions.defaults())) {
        assertArrayEquals(a, follower.get(Hash.of(a)));
        assertTrue(follower.has(Hash.of(a)));
        assertArrayEquals(Hash.of(a).bytes(), follower.readRef("refs/heads/main"));
        assertThrows(RuntimeException.class,
            () -> follower.commit(chunks(bytes("from the follower")), List.of()));
      }
      // the owner goes on undisturbed
      byte[] b = bytes("after the follower closed");
      owner.commit(chunks(b), List.of());
      assertTrue(owner.has(Hash.of(b)));
    }
  }
}
