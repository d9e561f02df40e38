package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * What one drain of a {@link Nursery} does, run by its {@link NurseryDrainer}: asks the attached
 * {@link NurseryLiveness} which young chunks are still reachable, has the store write those to RocksDB, and drops
 * the others, except any that a writer checked for or committed again since the liveness listed its roots (the
 * drain's barrier). The store supplies the primitives (pausing writers, writing to RocksDB, starting a flush); the
 * rules for what a drain may drop live here.
 */
final class NurseryDrain implements NurseryDrainer.Drain {
  /** How long a drain waits for writers to pause before it keeps what it could not decide on. */
  static final long PAUSE_MILLIS = 200;
  private static final int DROP_BATCH = 4096;

  private final RocksChunkStore store;
  private final Nursery nursery;
  /** Decides what a drain keeps; null until the layer above attaches one (then a drain keeps every chunk). */
  private volatile NurseryLiveness liveness;
  /** Non-null while a drain decides what to keep: existence checks are recorded, and those chunks kept. */
  private volatile WriteBarrier barrier;
  private final AtomicLong chunksDropped = new AtomicLong();
  private final AtomicLong bytesDropped = new AtomicLong();
  private final AtomicLong drainsKeptAll = new AtomicLong();
  private final AtomicLong drains = new AtomicLong();

  NurseryDrain(RocksChunkStore store, Nursery nursery) {
    this.store = store;
    this.nursery = nursery;
  }

  void attach(NurseryLiveness l) {
    this.liveness = l;
  }

  /** See {@link RocksChunkStore#beginNurseryBarrier}. */
  void beginBarrier() {
    barrier = new WriteBarrier();
  }

  /**
   * Records that a writer checked for, or wrote, the chunk {@code h}: a drain deciding now must not drop a young
   * copy of it. Callers record before they look in the nursery.
   */
  void record(Hash h) {
    WriteBarrier b = barrier;
    if (b != null) {
      b.record(h);
    }
  }

  long chunksDropped() {
    return chunksDropped.get();
  }

  long bytesDropped() {
    return bytesDropped.get();
  }

  long drains() {
    return drains.get();
  }

  long drainsKeptAll() {
    return drainsKeptAll.get();
  }

  /**
   * One drain, on the drainer's thread (or, retried keeping everything, on a committer's): every young chunk of
   * generation {@code g} or before leaves the nursery, into RocksDB if live (or in doubt), else dropped, and live
   * young chunks of later generations go to RocksDB with it; then a RocksDB flush is started, which the log's
   * checkpoint waits for. The chunks are all in the log's records since the last checkpoint, so a crash at any
   * point of this replays them.
   */
  @Override
  public void drain(long g, boolean keepAll) {
    drains.incrementAndGet();
    NurseryLiveness l = liveness;
    Set<Hash> live = null;
    try {
      if (!keepAll && l != null && nursery.size() > 0) {
        try {
          live = l.live(store);
        } catch (RuntimeException e) {
          live = null; // a walker failure or the like: keep everything
        }
      }
      // Listed while writers may be putting a record's chunks, one by one, into the nursery: the listing can hold
      // some chunks of such a record and miss others, a parent without its child. Generation g and older are whole
      // records (g ended at a record boundary, under the log's lock), so when keeping everything only those are
      // written: a chunk in RocksDB whose young child stayed behind would stop every later drain's walk above that
      // child, which the next drain would then drop. Live chunks of later generations are written too: the liveness
      // reached them through whole records, with writers paused, and marked their young descendants with them. Only
      // generation g and older are judged, so dropped.
      List<Nursery.Entry> all = nursery.through(Long.MAX_VALUE);
      boolean keepEverything = live == null;
      for (Nursery.Entry e : all) {
        keepEverything |= nursery.mustKeep(e);
      }
      if (keepEverything && !all.isEmpty()) {
        drainsKeptAll.incrementAndGet();
      }
      List<Nursery.Entry> keep = new ArrayList<>();
      List<Nursery.Entry> dead = new ArrayList<>();
      for (Nursery.Entry e : all) {
        if (keepEverything) {
          if (e.generation() <= g) {
            keep.add(e);
          }
        } else if (live.contains(e.address())) {
          keep.add(e);
        } else if (e.generation() <= g) {
          dead.add(e);
        }
      }
      store.writeYoung(keep, PAUSE_MILLIS);
      if (!dead.isEmpty()) {
        List<Nursery.Entry> checked = dropUnlessChecked(dead);
        store.writeYoung(checked, PAUSE_MILLIS);
      }
    } finally {
      barrier = null;
    }
    store.startFlush();
  }

  /**
   * At a clean close, with the store's lifecycle held and its drainer stopped: writes every young chunk to RocksDB,
   * none judged (the layer above drains first if it wants garbage gone), before the waiting flush that the close's checkpoint trusts,
   * and empties the nursery. Unlogged: until that checkpoint the log's records still hold them.
   */
  void writeAllAtClose(RocksHandles rocks) throws RocksDBException {
    if (nursery.size() == 0) {
      return;
    }
    long chunks = 0;
    long bytes = 0;
    try (WriteBatch batch = new WriteBatch()) {
      for (Nursery.Entry e : nursery.through(Long.MAX_VALUE)) {
        batch.put(rocks.chunks, e.address().bytes(), e.bytes());
        chunks++;
        bytes += e.bytes().length;
      }
      rocks.db.write(rocks.unlogged, batch);
    }
    store.countedToRocks(chunks, bytes);
    nursery.clear();
  }

  /**
   * Drops {@code dead} from the nursery in batches, each with writers paused, except the chunks an existence check
   * recorded since the drain listed its roots (a writer may be about to reference them): those, and every chunk of
   * a batch for which writers did not pause in time, are returned to be written instead.
   */
  private List<Nursery.Entry> dropUnlessChecked(List<Nursery.Entry> dead) {
    List<Nursery.Entry> kept = new ArrayList<>();
    for (int from = 0; from < dead.size(); from += DROP_BATCH) {
      List<Nursery.Entry> part = dead.subList(from, Math.min(dead.size(), from + DROP_BATCH));
      long[] dropped = new long[2];
      boolean paused = store.tryWithWritesPaused(PAUSE_MILLIS, () -> {
        WriteBarrier nb = barrier;
        // A running collection marks through young chunks: one dropped under it, and put again later, would be
        // neither walked again (it is marked visited) nor leave its subtree marked. Collections start with a drain
        // of their own, and while one runs drains drop nothing.
        boolean collecting = store.collectionRunning();
        for (Nursery.Entry e : part) {
          if (collecting || nb == null || nb.contains(e.address()) || nursery.mustKeep(e)) {
            kept.add(e);
          } else {
            nursery.remove(e);
            dropped[0]++;
            dropped[1] += e.bytes().length;
          }
        }
      });
      if (!paused) {
        kept.addAll(part);
      }
      chunksDropped.addAndGet(dropped[0]);
      bytesDropped.addAndGet(dropped[1]);
    }
    return kept;
  }
}
