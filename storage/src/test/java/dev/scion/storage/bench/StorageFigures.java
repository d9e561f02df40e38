package dev.scion.storage.bench;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.GarbageCollector;
import dev.scion.storage.gc.GcResult;
import dev.scion.storage.gc.RootSources;
import dev.scion.storage.gc.WalkerRegistry;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.storage.tuple.TupleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Random;

/**
 * The storage figures that are counts and sizes rather than timings (JMH measures the timings): chunks
 * written by a one-row update against the tree depth, chunks read by a diff of 10 rows, history
 * independence, on-disk size of the table, and store growth over 1,000 one-row commits. Prints a markdown
 * table. Run by {@code bin/bench-storage}.
 *
 * <p>Arguments: {@code [--rows N] [--dir D] [--size-only] [--from-tsv FILE]}; {@code --size-only} stops
 * after the on-disk size (used by the MariaDB comparison); {@code --from-tsv} loads the rows from a dump of
 * a sysbench table instead of generating them.
 */
public final class StorageFigures {
  private StorageFigures() {}

  public static void main(String[] args) throws Exception {
    int rowCount = 1_000_000;
    Path dir = null;
    boolean sizeOnly = false;
    Path tsv = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rowCount = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--size-only" -> sizeOnly = true;
        case "--from-tsv" -> tsv = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    boolean ownDir = dir == null;
    if (ownDir) {
      dir = Files.createTempDirectory("scion-figures");
    }
    System.out.printf("# storage figures: %s, java %s, %d cores, dir %s%n%n",
        tsv != null ? "rows of " + tsv : rowCount + " generated sysbench-shaped rows",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), dir);
    System.out.println("| figure | measured | target | verdict |");
    System.out.println("|---|---|---|---|");
    SysbenchRows rows = tsv != null ? SysbenchRows.fromTsv(tsv) : new SysbenchRows(rowCount, 42);
    try (RocksChunkStore store = RocksChunkStore.open(dir, new StoreOptions(512L << 20, 256L << 20, true))) {
      ChunkBuffer buf = new ChunkBuffer(store);
      ProllyMap built = ProllyMap.build(buf, rows.entries());
      long nodeBytes = buf.pendingBytes();
      int chunks = buf.size();
      SysbenchRows.commitInSlices(store, buf, SysbenchRows.ROOT_REF, built.root());
      ProllyMap map = ProllyMap.load(store, built.root());
      int depth = map.depth();
      store.flush();
      long flushed = SysbenchRows.directoryBytes(dir);
      store.compact();
      long compacted = SysbenchRows.directoryBytes(dir);
      row("tree depth / chunks / node bytes", depth + " / " + chunks + " / " + mb(nodeBytes), "", "");
      row("raw key+value bytes", mb(rows.rawBytes()), "", "");
      row("on-disk size after flush (LZ4)", mb(flushed), "", "");
      row("on-disk size after full compaction (ZSTD bottommost)", mb(compacted),
          "<= 1.5x InnoDB (see MariaDB comparison)", "");
      if (sizeOnly) {
        long withIndex = addKIndex(store, dir, rows);
        row("on-disk size with sysbench's secondary index k_1 (k, id) added, compacted", mb(withIndex), "", "");
        System.out.printf("%nSCION_STORE_BYTES=%d%nSCION_STORE_WITH_INDEX_BYTES=%d%n", compacted, withIndex);
        return;
      }
      Random r = new Random(9);
      oneRowUpdates(store, map, rows, r, depth);
      diffs(store, map, rows, r, depth);
      historyIndependence(store, rows, built.root(), r);
      commitGrowth(store, dir, map, rows, r, depth);
      collect(store, dir);
    } finally {
      if (ownDir && !sizeOnly) {
        SysbenchRows.deleteTree(dir);
      }
    }
  }

  /**
   * Builds the equivalent of sysbench's {@code INDEX k_1 (k)}: a second prolly map keyed by (k, id) with
   * empty values, as a secondary index is stored; returns the compacted store size with both trees.
   */
  private static long addKIndex(RocksChunkStore store, Path dir, SysbenchRows rows) throws Exception {
    TupleDescriptor indexKey = new TupleDescriptor(FieldType.INT64, FieldType.INT64);
    byte[][] keys = new byte[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      Object k = SysbenchRows.ROW.decodeValueField(rows.values[i], 0);
      Object id = SysbenchRows.KEY.decodeKey(rows.keys[i])[0];
      keys[i] = indexKey.encodeKey(new Object[] {k, id});
    }
    Arrays.sort(keys, KeyBytes.ORDER);
    byte[] empty = new byte[0];
    Iterator<Map.Entry<byte[], byte[]>> entries = Arrays.stream(keys)
        .map(k -> (Map.Entry<byte[], byte[]>) new AbstractMap.SimpleImmutableEntry<>(k, empty)).iterator();
    ChunkBuffer buf = new ChunkBuffer(store);
    ProllyMap index = ProllyMap.build(buf, entries);
    SysbenchRows.commitInSlices(store, buf, "bench/index/k_1", index.root());
    store.flush();
    store.compact();
    return SysbenchRows.directoryBytes(dir);
  }

  private static void oneRowUpdates(RocksChunkStore store, ProllyMap map, SysbenchRows rows, Random r, int depth) {
    int n = 20_000;
    long total = 0;
    int max = 0;
    int within = 0;
    for (int i = 0; i < n; i++) {
      ChunkBuffer b = new ChunkBuffer(store);
      map.edit(new MapEdits().put(rows.keys[r.nextInt(rows.size())], SysbenchRows.row(r, rows.size())), b);
      total += b.size();
      max = Math.max(max, b.size());
      within += b.size() <= depth + 1 ? 1 : 0;
    }
    double avg = (double) total / n;
    row("one-row update: new chunks (20,000 random updates)",
        String.format("avg %.3f, max %d; %d of %d updates wrote more than depth+1", avg, max, n - within, n),
        "<= depth + 1 = " + (depth + 1), verdict(max <= depth + 1, avg <= depth + 1));
  }

  private static void diffs(RocksChunkStore store, ProllyMap map, SysbenchRows rows, Random r, int depth) {
    int trials = 200;
    long[] reads = new long[trials];
    long[] fromReads = new long[trials];
    long[] toReads = new long[trials];
    long[] nanos = new long[trials];
    for (int round = 0; round < 2; round++) { // round 0 warms the JIT up
      for (int t = 0; t < trials; t++) {
        MapEdits ten = new MapEdits();
        for (int i = 0; i < 10; i++) {
          ten.put(rows.keys[r.nextInt(rows.size())], SysbenchRows.row(r, rows.size()));
        }
        ChunkBuffer b = new ChunkBuffer(store);
        ProllyMap changed = map.edit(ten, b);
        SysbenchRows.CountingReader ra = new SysbenchRows.CountingReader(store);
        SysbenchRows.CountingReader rb = new SysbenchRows.CountingReader(b);
        long t0 = System.nanoTime();
        Iterator<DiffEntry> it = ProllyMap.diff(ProllyMap.load(ra, map.root()), ProllyMap.load(rb, changed.root()));
        int n = 0;
        while (it.hasNext()) {
          it.next();
          n++;
        }
        nanos[t] = System.nanoTime() - t0;
        reads[t] = ra.reads + rb.reads;
        fromReads[t] = ra.reads;
        toReads[t] = rb.reads;
        if (n != 10) {
          throw new IllegalStateException("diff saw " + n);
        }
      }
    }
    long maxReads = Arrays.stream(reads).max().orElseThrow();
    double avgReads = Arrays.stream(reads).average().orElseThrow();
    Arrays.sort(nanos);
    long maxSide = Math.max(Arrays.stream(fromReads).max().orElseThrow(), Arrays.stream(toReads).max().orElseThrow());
    row("diff of 10 changed rows: chunks read from each version (roots included; 200 diffs)",
        String.format("old: avg %.1f, new: avg %.1f; max %d", Arrays.stream(fromReads).average().orElseThrow(),
            Arrays.stream(toReads).average().orElseThrow(), maxSide),
        "<= 10 x depth = " + 10 * depth, verdict(maxSide <= 10L * depth, true));
    row("diff of 10 changed rows: chunks read from both versions together",
        String.format("avg %.1f, max %d", avgReads, maxReads), "<= 10 x depth = " + 10 * depth,
        verdict(maxReads <= 10L * depth, avgReads <= 10.0 * depth));
    row("diff of 10 changed rows: time (median of 200 single shots; p99 %s; JMH has the steady figure)"
            .formatted(String.format("%.0f us", nanos[trials * 99 / 100] / 1e3)),
        String.format("%.0f us", nanos[trials / 2] / 1e3), "< 1 ms", verdict(nanos[trials / 2] < 1_000_000, true));
  }

  private static void historyIndependence(RocksChunkStore store, SysbenchRows rows, Hash sortedRoot, Random r) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, r);
    ChunkBuffer b = new ChunkBuffer(store);
    ProllyMap m = ProllyMap.empty(b);
    int batch = Math.max(1, rows.size() / 20);
    for (int from = 0; from < order.size(); from += batch) {
      MapEdits edits = new MapEdits();
      for (int i = from; i < Math.min(order.size(), from + batch); i++) {
        edits.put(rows.keys[order.get(i)], rows.values[order.get(i)]);
      }
      m = m.edit(edits, b);
    }
    boolean inserted = m.root().equals(sortedRoot);
    // Delete a tenth of the rows, then put them back: the tree must return to the same root.
    MapEdits delete = new MapEdits();
    MapEdits reinsert = new MapEdits();
    for (int i = 0; i < order.size() / 10; i++) {
      delete.delete(rows.keys[order.get(i)]);
      reinsert.put(rows.keys[order.get(i)], rows.values[order.get(i)]);
    }
    ProllyMap back = m.edit(delete, b).edit(reinsert, b);
    boolean roundTrip = back.root().equals(sortedRoot);
    row("history independence: random-order inserts in 20 batches, and delete+reinsert of 10%",
        "same root as sorted build: " + (inserted ? "yes" : "NO") + " / " + (roundTrip ? "yes" : "NO"),
        "identical root", verdict(inserted && roundTrip, true));
  }

  private static void commitGrowth(RocksChunkStore store, Path dir, ProllyMap map, SysbenchRows rows, Random r,
      int depth) throws Exception {
    store.flush();
    long before = SysbenchRows.directoryBytes(dir);
    long chunkBytes = 0;
    ProllyMap current = map;
    for (int i = 0; i < 1000; i++) {
      ChunkBuffer b = new ChunkBuffer(store);
      byte[] expected = current.root().bytes();
      ProllyMap next = current.edit(
          new MapEdits().put(rows.keys[r.nextInt(rows.size())], SysbenchRows.row(r, rows.size())), b);
      chunkBytes += b.pendingBytes();
      store.commit(b.pending(), List.of(RefUpdate.cas(SysbenchRows.ROOT_REF, expected, next.root().bytes())));
      current = ProllyMap.load(store, next.root());
    }
    store.flush();
    long after = SysbenchRows.directoryBytes(dir);
    long bound = 1000L * (depth + 2) * 4096;
    row("1,000 one-row synced commits: store growth after flush",
        String.format("%s (new chunk bytes %s)", mb(after - before), mb(chunkBytes)),
        "<= 1,000 x (depth+2) x 4 KiB = " + mb(bound), verdict(after - before <= bound, true));
  }

  /** Garbage collection of what the 1,000 commits left behind (and the scratch trees of earlier figures). */
  private static void collect(RocksChunkStore store, Path dir) throws Exception {
    long before = SysbenchRows.directoryBytes(dir);
    long t0 = System.nanoTime();
    GcResult result = new GarbageCollector(store, WalkerRegistry.withStorageKinds())
        .collect(RootSources.refs(store, "bench/", ChunkKind.PROLLY_NODE));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long after = SysbenchRows.directoryBytes(dir);
    row("garbage collection after the 1,000 commits (mark, sweep, compact)",
        String.format("%d chunks marked, %d of %d deleted; disk %s -> %s; %.1f s in all, writers paused %.1f ms",
            result.markedChunks(), result.deletedChunks(), result.storedChunksBefore(), mb(before), mb(after),
            seconds, result.pausedNanos() / 1e6), "bounded growth", "");
  }

  private static String verdict(boolean strict, boolean onAverage) {
    return strict ? "met" : onAverage ? "met on average, not always" : "NOT met";
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }

  private static void row(String figure, String measured, String target, String verdict) {
    System.out.printf("| %s | %s | %s | %s |%n", figure, measured, target, verdict);
  }
}
