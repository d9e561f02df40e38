package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.NurseryLiveness;
import dev.scion.storage.chunk.RocksChunkStore;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Finds which young chunks of a store's nursery are still live, with the garbage collector's notion of live: reachable
 * from the {@link RootSource} (refs, working sets, pinned snapshots), checked for existence under a barrier, or held
 * by a reader that started before the {@link ReaderFence}. The same three steps as a collection (list the roots,
 * start the barrier and raise the fence in one pause; mark; mark again with writes paused; wait for older readers),
 * but marking descends only into young chunks: a chunk in RocksDB has all its descendants there (a drain writes a
 * live chunk's live descendants with it, and a chunk stored without a ref change makes the drains keep every young
 * chunk there was), so the walk is a few paths long, not the whole history.
 *
 * <p>In doubt it answers null, and the drain keeps every chunk: when writers do not pause in time (one may be waiting
 * for this drain), a transfer is in progress (it may have skipped subtrees because their top chunk was present),
 * readers outlast the fence's short bound, or a walker fails.
 */
public final class NurseryMarker implements NurseryLiveness {
  private static final long PAUSE_MILLIS = 200;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NurseryMarker.class);
  /** Reasons to keep everything are logged at most once a minute per marker (a drain runs every few seconds). */
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private long lastLogged = System.nanoTime() - LOG_EVERY_NANOS;

  private final RootSource roots;
  private final WalkerRegistry walkers;
  private final ReaderFence fence;
  private final BooleanSupplier transfersIdle;
  private final long fenceBoundNanos;

  /**
   * @param transfersIdle true when no transfer into the store holds collections off (asked with writes paused)
   * @param fenceBoundMillis how long to wait for readers older than the fence before keeping everything
   */
  public NurseryMarker(RootSource roots, WalkerRegistry walkers, ReaderFence fence, BooleanSupplier transfersIdle,
      long fenceBoundMillis) {
    this.roots = Objects.requireNonNull(roots, "roots");
    this.walkers = Objects.requireNonNull(walkers, "walkers");
    this.fence = Objects.requireNonNull(fence, "fence");
    this.transfersIdle = Objects.requireNonNull(transfersIdle, "transfersIdle");
    this.fenceBoundNanos = TimeUnit.MILLISECONDS.toNanos(fenceBoundMillis);
  }

  @Override
  public Set<Hash> live(RocksChunkStore store) {
    Marker marker = new Marker(store);
    long[] fenceNumber = new long[1];
    boolean[] idle = new boolean[1];
    boolean listed = store.tryWithWritesPaused(PAUSE_MILLIS, () -> {
      store.beginNurseryBarrier();
      idle[0] = transfersIdle.getAsBoolean();
      roots.roots(marker::push);
      fenceNumber[0] = fence.raise();
    });
    if (!listed) {
      return inDoubt(store, "writers did not pause within " + PAUSE_MILLIS + " ms");
    }
    if (!idle[0]) {
      return inDoubt(store, "a transfer holds collections off");
    }
    marker.drain();
    if (!store.tryWithWritesPaused(PAUSE_MILLIS, () -> {
      roots.roots(marker::push);
      marker.drain();
    })) {
      return inDoubt(store, "writers did not pause within " + PAUSE_MILLIS + " ms for the final mark");
    }
    // The ref values just listed must be durable before anything they no longer reach is dropped: otherwise a
    // power loss could bring back an older value that still reaches it.
    store.syncLogNow();
    if (!fence.awaitReadersBefore(fenceNumber[0], fenceBoundNanos)) {
      return inDoubt(store, "statements older than the drain still run");
    }
    // A statement older than the fence may have named, in a ref it wrote after the listings above, a value it read
    // before them and that no listed root reached any more (dolt_checkout -b carrying a working root main has left):
    // neither a write nor an existence check recorded those chunks. Now that such statements are done, their refs
    // are listed too.
    if (!store.tryWithWritesPaused(PAUSE_MILLIS, () -> {
      roots.roots(marker::push);
      marker.drain();
    })) {
      return inDoubt(store, "writers did not pause within " + PAUSE_MILLIS + " ms for the mark after the fence");
    }
    store.syncLogNow();
    return marker.live;
  }

  private Set<Hash> inDoubt(RocksChunkStore store, String why) {
    long now = System.nanoTime();
    if (now - lastLogged >= LOG_EVERY_NANOS) {
      lastLogged = now;
      LOG.info("a drain of the chunk nursery of {} keeps every young chunk: {}", store.directory(), why);
    }
    return null;
  }

  /** Depth-first marking of young chunks only. */
  private final class Marker {
    private final RocksChunkStore store;
    final Set<Hash> live = new HashSet<>();
    /** (address, kind) pairs walked or queued: one address may be reached as two kinds (see GarbageCollector). */
    private final Set<Walked> visited = new HashSet<>();
    private final ArrayDeque<Walked> stack = new ArrayDeque<>();

    Marker(RocksChunkStore store) {
      this.store = store;
    }

    void push(Hash h, ChunkKind kind) {
      Objects.requireNonNull(kind, "kind");
      if (store.nurseryChunk(h) == null) {
        return; // in RocksDB (with every descendant) or missing: nothing young below
      }
      live.add(h);
      if (kind.equals(ChunkKind.LEAF)) {
        return;
      }
      Walked w = new Walked(h, kind);
      if (visited.add(w)) {
        stack.push(w);
      }
    }

    void drain() {
      while (!stack.isEmpty()) {
        Walked w = stack.pop();
        byte[] chunk = store.nurseryChunk(w.address());
        if (chunk != null) {
          walkers.walker(w.kind()).children(w.address(), chunk, this::push);
        }
      }
    }
  }

  private record Walked(Hash address, ChunkKind kind) {}
}
