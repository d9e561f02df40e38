package dev.scion.storage.gc;

import static dev.scion.storage.gc.GcFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RefConflictException;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage collection while writers commit: several threads edit tables on several branches (with
 * compare-and-swap retries, reading their snapshots mid-run), while the collector runs again and again.
 */
class OnlineGcTest {
  private static final int BRANCHES = 3;
  private static final int WRITERS = 3;
  private static final int KEYS_PER_WRITER = 1_000;
  private static final int MIN_RUNS = 4;

  @TempDir
  Path dir;

  /** The transactions' snapshot roots, reported to the collector as live session roots. */
  private final Map<Long, Hash> liveSnapshots = new ConcurrentHashMap<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  /**
   * Taking a snapshot (reading the ref and registering it) is atomic with respect to listing the roots;
   * otherwise a snapshot read just before a ref moves, and registered just after the collector listed
   * the roots, would be reachable from neither.
   */
  private final Object snapshotLock = new Object();

  private RootSource roots(RocksChunkStore store) {
    RootSource all = RootSources.both(RootSources.refs(store, "refs/", ChunkKind.PROLLY_NODE),
        sink -> liveSnapshots.values().forEach(h -> sink.child(h, ChunkKind.PROLLY_NODE)));
    return sink -> {
      synchronized (snapshotLock) {
        all.roots(sink);
      }
    };
  }

  private static String branch(int b) {
    return "refs/heads/b" + b;
  }

  @Test
  void writersCommittingDuringRepeatedCollectionsLoseNothing() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false))) {
      writeAndCollect(store);
    }
  }

  /**
   * The same with a nursery whose drains (a redo log of 4 x 64 KiB: one every few dozen commits) drop young garbage
   * by the same roots while collections run: drains and collections together lose nothing.
   */
  @Test
  void drainsAndCollectionsTogetherLoseNothing() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false).withNursery(true),
        new dev.scion.storage.log.RedoLog.Sizing(4, 256 << 10, 1 << 20))) {
      store.attachNurseryLiveness(new NurseryMarker(roots(store), WalkerRegistry.withStorageKinds(),
          ReaderFence.NONE, () -> true, 1_000));
      writeAndCollect(store);
      assertTrue(store.drains() > 4, "drains: " + store.drains());
      assertTrue(store.chunksDropped() > 0, "drains dropped young garbage");
    }
  }

  private void writeAndCollect(RocksChunkStore store) throws Exception {
    writeAndCollect(store, true);
  }

  /** Drains alone (every few milliseconds and at segment changes), no collection. */
  @Test
  void drainsWhileWritersCommitLoseNothing() throws Exception {
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withSync(false).withNursery(true),
        new dev.scion.storage.log.RedoLog.Sizing(4, 256 << 10, 1 << 20))) {
      store.attachNurseryLiveness(new NurseryMarker(roots(store), WalkerRegistry.withStorageKinds(),
          ReaderFence.NONE, () -> true, 1_000));
      writeAndCollect(store, false);
      assertTrue(store.chunksDropped() > 0, "drains dropped young garbage");
    }
  }

  private void writeAndCollect(RocksChunkStore store, boolean collect) throws Exception {
    {
      for (int b = 0; b < BRANCHES; b++) {
        ChunkBuffer buf = new ChunkBuffer(store);
        ProllyMap empty = ProllyMap.empty(buf);
        store.commit(buf.pending(), List.of(RefUpdate.set(branch(b), empty.root().bytes())));
      }
      // models.get(w).get(b): writer w's rows (its own key range) on branch b.
      List<List<TreeMap<Long, Object[]>>> models = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        List<TreeMap<Long, Object[]>> perBranch = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
          perBranch.add(new TreeMap<>());
        }
        models.add(perBranch);
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong conflicts = new AtomicLong();
      List<GcResult> runs = new CopyOnWriteArrayList<>();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(new Thread(() -> {
          try {
            runWriter(store, writer, models.get(writer), conflicts, runs);
          } catch (Throwable t) {
            failures.add(t);
          }
        }, "writer-" + w));
      }
      Thread collector = new Thread(() -> {
        GarbageCollector gc = new GarbageCollector(store, WalkerRegistry.withStorageKinds());
        try {
          while (writing.get()) {
            if (collect) {
              runs.add(gc.collect(roots(store)));
              if (store.hasNursery()) {
                Thread.sleep(20); // drains drop nothing while a collection runs: leave them room between two
              }
            } else {
              store.drainNursery();
              runs.add(new GcResult(0, 0, 0, 1, 0, 0, 0, 0, 0));
              Thread.sleep(5);
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }, "collector");
      writers.forEach(Thread::start);
      collector.start();
      for (Thread t : writers) {
        t.join();
      }
      writing.set(false);
      collector.join();
      failures.forEach(Throwable::printStackTrace);
      assertEquals(List.of(), failures);
      assertTrue(runs.size() >= MIN_RUNS, "the collector ran repeatedly while writers committed: " + runs.size());
      assertTrue(runs.stream().mapToLong(GcResult::barrierChunks).sum() > 0, "writers wrote during collections");
      assertTrue(!collect || runs.stream().mapToLong(GcResult::deletedChunks).sum() > 0,
          "garbage was collected online");
      for (GcResult r : runs) {
        assertEquals(0, r.missingChunks(), "no reachable chunk was missing during a run: " + r);
      }

      // Every branch holds exactly what its writers committed, and every chunk is readable.
      Set<Hash> reachable = new HashSet<>();
      for (int b = 0; b < BRANCHES; b++) {
        RecordingReader reader = new RecordingReader(store);
        TreeMap<Long, Object[]> rows = readAll(reader, Hash.fromBytes(store.readRef(branch(b))));
        reachable.addAll(reader.read);
        for (int w = 0; w < WRITERS; w++) {
          TreeMap<Long, Object[]> expected = models.get(w).get(b);
          TreeMap<Long, Object[]> actual = new TreeMap<>(
              rows.subMap((long) w * KEYS_PER_WRITER, (long) (w + 1) * KEYS_PER_WRITER));
          assertEquals(expected.keySet(), actual.keySet(), "writer " + w + " branch " + b);
          for (Long id : expected.keySet()) {
            assertArrayEquals(expected.get(id), actual.get(id));
          }
        }
      }
      // With writers gone, one more collection leaves exactly the reachable chunks.
      GcResult last = new GarbageCollector(store, WalkerRegistry.withStorageKinds()).collect(roots(store));
      assertEquals(reachable.size(), last.markedChunks());
      assertEquals(reachable.size(), store.countChunks());
    }
  }

  private static boolean enoughConcurrency(RocksChunkStore store, List<GcResult> runs) {
    return runs.size() >= MIN_RUNS && (!store.hasNursery() || store.chunksDropped() > 0);
  }

  private void runWriter(RocksChunkStore store, int writer, List<TreeMap<Long, Object[]>> models,
      AtomicLong conflicts, List<GcResult> runs) {
    Random r = new Random(100 + writer);
    long thread = Thread.currentThread().getId();
    // At least 120 transactions, and on until the collector has finished MIN_RUNS collections meanwhile and, with a
    // nursery, a drain has dropped young garbage meanwhile (on a loaded machine every drain for a while may keep all,
    // its writers not pausing in time or a collection running).
    for (int txn = 0; txn < 120 || (!enoughConcurrency(store, runs) && failures.isEmpty() && txn < 100_000); txn++) {
      int b = r.nextInt(BRANCHES);
      // The edits are chosen once; a conflict re-applies them to the new snapshot.
      TreeMap<Long, Object[]> change = new TreeMap<>();
      for (int i = 0; i < 15; i++) {
        long id = (long) writer * KEYS_PER_WRITER + r.nextInt(KEYS_PER_WRITER);
        change.put(id, r.nextInt(5) == 0 ? null : randomRow(r, 10));
      }
      while (true) {
        byte[] before;
        Hash snapshot;
        synchronized (snapshotLock) {
          before = store.readRef(branch(b));
          snapshot = Hash.fromBytes(before);
          liveSnapshots.put(thread, snapshot);
        }
        try {
          ChunkBuffer buf = new ChunkBuffer(store);
          ProllyMap map = ProllyMap.load(buf, snapshot);
          if (txn % 20 == 0) {
            readAll(buf, snapshot); // a long read of the whole snapshot while the collector sweeps
          }
          MapEdits edits = new MapEdits();
          for (Map.Entry<Long, Object[]> e : change.entrySet()) {
            if (e.getValue() == null) {
              edits.delete(key(e.getKey()));
            } else {
              edits.put(key(e.getKey()), VALUE.encodeValue(e.getValue(), buf));
            }
          }
          ProllyMap next = map.edit(edits, buf);
          store.commit(buf.pending(), List.of(RefUpdate.cas(branch(b), before, next.root().bytes())));
          break;
        } catch (RefConflictException e) {
          conflicts.incrementAndGet();
        } finally {
          liveSnapshots.remove(thread);
        }
      }
      TreeMap<Long, Object[]> model = models.get(b);
      change.forEach((id, row) -> {
        if (row == null) {
          model.remove(id);
        } else {
          model.put(id, row);
        }
      });
    }
  }
}
