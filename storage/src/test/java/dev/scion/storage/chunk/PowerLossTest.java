package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.log.PowerCutFiles;
import dev.scion.storage.log.RedoLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;

/**
 * Power loss at random points of a real write workload against real RocksDB. The redo log (segments and
 * checkpoint) is written through {@link PowerCutFiles}, which keeps only what completed syncs covered (and, by
 * mode, a torn last page and random writeback of unsynced pages). RocksDB's files are real; at the cut, the
 * database is copied as a power loss would leave it: the table files and the MANIFEST of the last version RocksDB
 * installed (every flush it finished has synced both), nothing of the memtables. Then the copy is opened with
 * the log's surviving bytes, and every acknowledged commit must be there.
 *
 * <p>Not covered: RocksDB's own behaviour under power loss (its syncs are trusted; a flush finishing in the
 * instant between the cut and the copy counts as finished before it), the file system's (a page is torn at any
 * byte, but metadata is assumed to follow fsync and directory syncs exactly), and devices that lie about syncs.
 * Trials and seed: {@code -Dscion.powerloss.trials=N -Dscion.powerloss.seed=S}.
 */
class PowerLossTest {
  @TempDir
  Path dir;

  /** 4 segments of 16 KiB growing to 64 KiB: the ring wraps and RocksDB flushes many times per trial. */
  private static final RedoLog.Sizing SIZING = new RedoLog.Sizing(4, 16 << 10, 64 << 10);
  private static final int WRITERS = 2;
  private static final int COMMITS = 250;
  /** Cut points are drawn up to this many log writes and syncs (a whole workload is somewhat more). */
  private static final int MAX_CUT = 1100;
  private static final int BIG_EVERY = 40;

  private static byte[] chunk(int writer, int i) {
    Random r = new Random(writer * 1_000_003L + i);
    byte[] c = new byte[100 + r.nextInt(6000)];
    r.nextBytes(c);
    return c;
  }

  /** A chunk too large for one log record (written to RocksDB and flushed before its commit's refs are logged). */
  private static byte[] bigChunk(int i) {
    Random r = new Random(-i - 1);
    byte[] c = new byte[(int) SIZING.maxPayloadBytes() + 1 + r.nextInt(4096)];
    r.nextBytes(c);
    return c;
  }

  private static boolean carriesBig(int writer, int i) {
    return writer == 0 && i % BIG_EVERY == BIG_EVERY - 1;
  }

  @Test
  void everyAcknowledgedCommitSurvivesAPowerCut() throws Exception {
    powerCuts(false);
  }

  /**
   * The same with a chunk nursery whose drains drop garbage: each commit also moves a ref that alone names a chunk
   * and adds an unreferenced chunk (no single puts or over-large chunks, which make drains keep everything). A drain
   * that dropped a chunk before the record moving its ref on was synced would show as a ref naming a lost chunk.
   */
  @Test
  void everyAcknowledgedCommitSurvivesAPowerCutWithANursery() throws Exception {
    powerCuts(true);
  }

  private void powerCuts(boolean nursery) throws Exception {
    long seed = Long.getLong("scion.powerloss.seed", System.nanoTime());
    int trials = Integer.getInteger("scion.powerloss.trials", 18);
    Random random = new Random(seed);
    int acknowledged = 0;
    long replayed = 0;
    long dropped = 0;
    for (int t = 0; t < trials; t++) {
      PowerCutFiles.Loss loss = PowerCutFiles.Loss.values()[t % PowerCutFiles.Loss.values().length];
      long cutAt = 1 + random.nextInt(MAX_CUT);
      String what = "trial " + t + " (seed " + seed + ", cut at " + cutAt + ", " + loss + ")";
      Trial trial = new Trial(dir.resolve((nursery ? "n" : "t") + t), nursery);
      trial.run(cutAt);
      trial.loseDisk(loss, random);
      int[] acks = trial.verify(what);
      for (int a : acks) {
        acknowledged += a + 1;
      }
      replayed += trial.replayed;
      dropped += trial.dropped;
    }
    System.out.println("POWERLOSS nursery=" + nursery + " trials=" + trials + " seed=" + seed + " acknowledged="
        + acknowledged + " replayed=" + replayed + " dropped=" + dropped + " lost=0");
    if (nursery) {
      assertTrue(dropped > 0, "drains dropped young garbage before the cuts");
    }
  }

  /** One store, one workload, one power cut, one recovery. */
  private static final class Trial {
    final Path db;
    final Path after;
    final PowerCutFiles disk = new PowerCutFiles();
    final AtomicInteger[] lastAck = new AtomicInteger[WRITERS];
    final AtomicReference<Throwable> copyFailure = new AtomicReference<>();
    long replayed;
    long dropped;
    final boolean nursery;

    Trial(Path root, boolean nursery) {
      this.nursery = nursery;
      db = root.resolve("db");
      after = root.resolve("after-power-loss");
      for (int w = 0; w < WRITERS; w++) {
        lastAck[w] = new AtomicInteger(-1);
      }
    }

    void run(long cutAt) throws Exception {
      try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults().withNursery(nursery), SIZING,
          disk)) {
        store.attachNurseryLiveness(new dev.scion.storage.gc.NurseryMarker(
            dev.scion.storage.gc.RootSources.refs(store, "", dev.scion.storage.gc.ChunkKind.LEAF),
            dev.scion.storage.gc.WalkerRegistry.withStorageKinds(), dev.scion.storage.gc.ReaderFence.NONE, () -> true,
            1_000));
        disk.arm(cutAt, () -> copyDurableTables(store));
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          Thread th = new Thread(() -> write(store, writer), "powerloss-writer-" + w);
          writers.add(th);
          th.start();
        }
        for (Thread th : writers) {
          th.join();
        }
        dropped = store.chunksDropped();
        disk.cutNow(); // the workload ended before the cut point: the power goes after it
      }
      if (copyFailure.get() != null) {
        throw new AssertionError("copying RocksDB's files at the cut failed", copyFailure.get());
      }
    }

    private void write(RocksChunkStore store, int writer) {
      byte[] previous = null;
      try {
        for (int i = 0; i < COMMITS; i++) {
          byte[] c = chunk(writer, i);
          Hash h = Hash.of(c);
          Map<Hash, byte[]> chunks = new HashMap<>(Map.of(h, c));
          List<RefUpdate> updates = new ArrayList<>(List.of(
              RefUpdate.set("w" + writer + "/" + i, h.bytes()),
              RefUpdate.cas("w" + writer + "/head", previous, h.bytes())));
          if (nursery) {
            byte[] moving = chunk(writer + 200, i); // named only by a ref the next commit moves on
            byte[] garbage = chunk(writer + 300, i); // named by nothing
            chunks.put(Hash.of(moving), moving);
            chunks.put(Hash.of(garbage), garbage);
            updates.add(RefUpdate.set("w" + writer + "/moving", Hash.of(moving).bytes()));
          } else {
            if (carriesBig(writer, i)) {
              byte[] big = bigChunk(i);
              chunks.put(Hash.of(big), big);
            }
            if (writer == 1 && i % 10 == 5) {
              store.put(chunk(writer + 100, i)); // unsynced and never acknowledged: only adds records to the log
            }
          }
          store.commit(chunks, updates);
          previous = h.bytes();
          lastAck[writer].set(i);
        }
      } catch (StorageException e) {
        // the power went: this commit was not acknowledged, and nothing more is written
      }
    }

    /**
     * Copies the database as RocksDB's last installed version has it: its table files and the MANIFEST up to
     * that version (synced before the version was installed), with deletions held off while copying.
     */
    private void copyDurableTables(RocksChunkStore store) {
      RocksDB rocks = store.rocksHandles().db;
      try {
        rocks.disableFileDeletions();
        try {
          RocksDB.LiveFiles live = rocks.getLiveFiles(false);
          Files.createDirectories(after);
          for (String f : live.files) {
            String name = f.startsWith("/") ? f.substring(1) : f;
            long limit = name.startsWith("MANIFEST") ? live.manifestFileSize : Long.MAX_VALUE;
            try (InputStream in = Files.newInputStream(db.resolve(name));
                OutputStream out = Files.newOutputStream(after.resolve(name))) {
              out.write(in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE)));
            }
          }
        } finally {
          rocks.enableFileDeletions();
        }
      } catch (Exception | AssertionError e) {
        copyFailure.set(e);
      }
    }

    void loseDisk(PowerCutFiles.Loss loss, Random random) throws IOException {
      disk.writeDisk(db, after, loss, random);
    }

    /** Opens the copy; returns each writer's last acknowledged commit. */
    int[] verify(String what) {
      int[] acks = new int[WRITERS];
      try (RocksChunkStore store = RocksChunkStore.open(after, StoreOptions.defaults(), SIZING)) {
        replayed = store.recordsReplayedAtOpen();
        for (int w = 0; w < WRITERS; w++) {
          acks[w] = lastAck[w].get();
          for (int i = 0; i <= acks[w]; i++) {
            byte[] c = chunk(w, i);
            assertArrayEquals(c, store.get(Hash.of(c)), what + ": chunk of writer " + w + "'s commit " + i);
            assertArrayEquals(Hash.of(c).bytes(), store.readRef("w" + w + "/" + i),
                what + ": ref of writer " + w + "'s commit " + i);
            if (!nursery && carriesBig(w, i)) {
              byte[] big = bigChunk(i);
              assertArrayEquals(big, store.get(Hash.of(big)), what + ": large chunk of commit " + i);
            }
          }
          byte[] head = store.readRef("w" + w + "/head");
          int headIndex = -1;
          for (int i = Math.max(0, acks[w]); head != null && i <= acks[w] + 1 && headIndex < 0; i++) {
            if (Arrays.equals(Hash.of(chunk(w, i)).bytes(), head)) {
              headIndex = i;
            }
          }
          assertTrue(acks[w] < 0 && head == null || headIndex >= acks[w],
              what + ": writer " + w + "'s head went back before commit " + acks[w]);
        }
        // whatever survived, acknowledged or not, is whole: no ref names a chunk that is not there
        SortedMap<String, byte[]> refs = store.listRefs("");
        for (Map.Entry<String, byte[]> e : refs.entrySet()) {
          assertTrue(store.has(Hash.fromBytes(e.getValue())), what + ": ref " + e.getKey() + " names a lost chunk");
        }
      }
      try (RocksChunkStore store = RocksChunkStore.open(after, StoreOptions.defaults(), SIZING)) {
        assertEquals(0, store.recordsReplayedAtOpen(), what + ": the recovered store closed clean");
      }
      return acks;
    }
  }
}
