package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.WriteBarrier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Online mark-and-sweep garbage collection of a {@link RocksChunkStore}.
 *
 * <ol>
 *   <li>With writers paused: start a write barrier (from now on every chunk committed, put or
 *       existence-checked is recorded and will be kept), list the roots and raise the {@link ReaderFence}.
 *       Listing the roots in the same pause means no ref value can come and go unseen in between.
 *   <li>Mark from those roots (writers keep running): everything reachable, following each chunk's
 *       children with the walker registered for its kind.
 *   <li>Final mark, with writers paused: read the roots again and mark what became reachable since. Only
 *       new chunks are walked (marking stops at marked chunks), so the pause is short.
 *   <li>Wait for the readers that started before the fence: they may still follow a ref value that moved
 *       on before the listing.
 *   <li>Sweep (writers running): delete, in batches, every stored chunk that is neither marked nor
 *       recorded by the barrier. Each batch re-checks the barrier while writers are paused, so a chunk a
 *       writer re-creates or checks concurrently is never lost. Then compact, so the disk shrinks.
 * </ol>
 *
 * <p>Why it is safe: a writer only references chunks it wrote (recorded by the barrier) or chunks
 * reachable from the root it started from; that root is a ref value read after the fence (so it was listed in
 * step 1 or 3, or written under the barrier), a root the {@link RootSource} reports (a pin), or a value held
 * by a reader that started before the fence (waited for in step 4). One caveat:
 * {@code has()} protects the checked chunk, not its subtree; a caller that skips a whole subtree because its
 * top exists (a pull) must report that top as a root until its ref update commits.
 *
 * <p>One collection runs at a time per store.
 */
public final class GarbageCollector {
  private static final int DELETE_BATCH = 4096;

  private final RocksChunkStore store;
  private final WalkerRegistry walkers;
  private final boolean compact;

  /** A collector that compacts after sweeping (so deleted chunks leave the disk). */
  public GarbageCollector(RocksChunkStore store, WalkerRegistry walkers) {
    this(store, walkers, true);
  }

  public GarbageCollector(RocksChunkStore store, WalkerRegistry walkers, boolean compactAfterSweep) {
    this.store = Objects.requireNonNull(store, "store");
    this.walkers = Objects.requireNonNull(walkers, "walkers");
    this.compact = compactAfterSweep;
  }

  /** Runs one collection with no readers to wait for (every reader pins what it reads). */
  public GcResult collect(RootSource roots) {
    return collect(roots, ReaderFence.NONE);
  }

  /**
   * Runs one collection; see the class comment. A walker failure (a corrupt chunk) aborts before any delete,
   * and so do readers that outlast the fence's bound ({@link GcPostponedException}).
   */
  public GcResult collect(RootSource roots, ReaderFence fence) {
    Objects.requireNonNull(roots, "roots");
    Objects.requireNonNull(fence, "fence");
    // young chunks go to RocksDB first, so that the sweep judges them with the rest (and the drains that run during
    // the collection, which drop nothing while it runs, have little to keep)
    store.drainNursery(true);
    long bytesBefore = store.approximateSizeBytes();
    Marker marker = new Marker();
    long[] fenceNumber = new long[1];
    WriteBarrier barrier = store.withWritesPaused(() -> {
      WriteBarrier b = store.beginBarrier();
      roots.roots(marker::push);
      fenceNumber[0] = fence.raise();
      return b;
    });
    try {
      marker.drain();

      long pauseStart = System.nanoTime();
      store.withWritesPaused(() -> {
        roots.roots(marker::push);
        marker.drain();
        return null;
      });
      long paused = System.nanoTime() - pauseStart;
      if (!fence.awaitReadersBefore(fenceNumber[0])) {
        throw new GcPostponedException("garbage collection postponed: statements that started before it are"
            + " still running; nothing was deleted");
      }
      // refs that statements older than the fence wrote after the listings above may name values they read before
      // them (see NurseryMarker): list the roots once more now that those statements are done
      store.withWritesPaused(() -> {
        roots.roots(marker::push);
        marker.drain();
        return null;
      });

      long stored = 0;
      long deleted = 0;
      // Page through the addresses (no iterator is held while a batch is deleted with writers paused).
      Hash after = null;
      while (true) {
        List<Hash> page = store.chunkAddressesAfter(after, DELETE_BATCH);
        if (page.isEmpty()) {
          break;
        }
        stored += page.size();
        List<Hash> garbage = new ArrayList<>();
        for (Hash h : page) {
          if (!marker.isMarked(h)) {
            garbage.add(h);
          }
        }
        if (!garbage.isEmpty()) {
          deleted += store.deleteUnlessRecorded(garbage);
        }
        after = page.get(page.size() - 1);
      }
      if (compact && deleted > 0) {
        store.flush();
        store.compactChunks();
      }
      return new GcResult(marker.markedCount(), stored, deleted, barrier.size(), marker.missing,
          bytesBefore, store.approximateSizeBytes(), paused, barrier.writtenBytes());
    } finally {
      store.endBarrier(barrier);
    }
  }

  /** Depth-first marking with an explicit stack (trees are shallow but commit chains are long). */
  private final class Marker {
    /** Every address found reachable: what the sweep keeps. */
    final MarkSet live = new MarkSet();
    /**
     * (address, kind) pairs walked or queued, keyed by the address salted with the kind. Walking is
     * per kind because one address can be reached as two kinds: a user-chosen blob leaf can have exactly
     * the bytes of a prolly leaf, and being walked as a blob (no children) must not stop it from being
     * walked as a node (whose values reference blobs).
     */
    final MarkSet visited = new MarkSet();
    final java.util.Map<ChunkKind, Long> salts = new java.util.HashMap<>();
    final ArrayDeque<Hash> addresses = new ArrayDeque<>();
    final ArrayDeque<ChunkKind> kinds = new ArrayDeque<>();
    long missing;

    void push(Hash h, ChunkKind kind) {
      Objects.requireNonNull(kind, "kind");
      live.add(h);
      if (kind.equals(ChunkKind.LEAF)) {
        return; // nothing inside to follow, so no need to read it
      }
      long salt = salts.computeIfAbsent(kind, k -> Hash.of(k.name().getBytes(StandardCharsets.UTF_8)).high64());
      if (visited.add(h.high64() ^ salt, h.middle64())) {
        addresses.push(h);
        kinds.push(kind);
      }
    }

    boolean isMarked(Hash h) {
      return live.contains(h);
    }

    long markedCount() {
      return live.size();
    }

    void drain() {
      while (!addresses.isEmpty()) {
        Hash h = addresses.pop();
        ChunkKind kind = kinds.pop();
        ChunkWalker walker = walkers.walker(kind);
        byte[] chunk = store.readUncached(h);
        if (chunk == null) {
          missing++;
          continue;
        }
        walker.children(h, chunk, this::push);
      }
    }
  }
}
