package dev.scion.storage.bench;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A plain-main benchmark of prolly trees on a RocksChunkStore with sysbench-shaped rows
 * (id INT64 key; k INT64, c CHAR(120), pad CHAR(60) value). See docs/storage-bench.md for how to run it.
 *
 * <p>Arguments: [directory (default: a fresh temp dir)] [rows (default 1000000)].
 */
public final class ProllyBench {
  private static final TupleDescriptor KEY = new TupleDescriptor(FieldType.INT64);
  private static final TupleDescriptor ROW = new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.STRING);

  private ProllyBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("prolly-bench");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long cacheBytes = 512L << 20;
    System.out.printf("rows=%d dir=%s chunkCache=%dMiB java=%s cores=%d%n", rows, dir, cacheBytes >> 20,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    Random r = new Random(42);
    byte[][] keys = new byte[rows][];
    byte[][] values = new byte[rows][];
    for (int i = 0; i < rows; i++) {
      keys[i] = KEY.encodeKey(new Object[] {(long) i + 1});
      values[i] = row(r);
    }
    long rawBytes = 0;
    for (int i = 0; i < rows; i++) {
      rawBytes += keys[i].length + values[i].length;
    }
    System.out.printf("raw key+value bytes: %.1f MB (%.0f B/row)%n", rawBytes / 1e6, (double) rawBytes / rows);

    try (RocksChunkStore store = RocksChunkStore.open(dir, new StoreOptions(cacheBytes, 256L << 20, true))) {
      // ---- build ----
      ProllyMap map = null;
      double bestBuild = Double.MAX_VALUE;
      ChunkBuffer buffer = null;
      for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT
        buffer = new ChunkBuffer(store);
        long t0 = System.nanoTime();
        map = ProllyMap.build(buffer, entries(keys, values));
        bestBuild = Math.min(bestBuild, (System.nanoTime() - t0) / 1e9);
      }
      System.out.printf("build: %.0f rows/s (%.3f s, %d chunks, %.1f MB of nodes, depth %d)%n", rows / bestBuild,
          bestBuild, buffer.size(), buffer.pendingBytes() / 1e6, map.depth());

      long t0 = System.nanoTime();
      commitInSlices(store, buffer, map.root());
      System.out.printf("commit of all chunks to RocksDB: %.2f s%n", (System.nanoTime() - t0) / 1e9);
      map = ProllyMap.load(store, Hash.fromBytes(store.readRef("bench/root")));

      // ---- point gets ----
      int gets = 1_000_000;
      long sink = 0;
      for (int i = 0; i < 2 * gets; i++) { // warm: every node in the chunk cache, JIT compiled
        sink += map.get(keys[r.nextInt(rows)]).length;
      }
      int[] probes = new int[gets];
      for (int i = 0; i < gets; i++) {
        probes[i] = r.nextInt(rows);
      }
      t0 = System.nanoTime();
      for (int i = 0; i < gets; i++) {
        sink += map.get(keys[probes[i]]).length;
      }
      double getUs = (System.nanoTime() - t0) / 1e3 / gets;
      System.out.printf("warm point get: %.2f us (uniform random keys, tree fully cached)%n", getUs);

      // ---- ordered scan ----
      double bestScan = Double.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        t0 = System.nanoTime();
        long n = 0;
        try (ProllyCursor c = map.cursor()) {
          while (c.next()) {
            sink += c.key().length + c.value().length;
            n++;
          }
        }
        if (n != rows) {
          throw new IllegalStateException("scan saw " + n + " rows");
        }
        bestScan = Math.min(bestScan, (System.nanoTime() - t0) / 1e9);
      }
      System.out.printf("ordered scan (key() and value() copied): %.0f rows/s%n", rows / bestScan);

      // ---- one-row updates ----
      int updates = 20_000;
      for (int i = 0; i < updates; i++) { // warm the edit path up first
        map.edit(new MapEdits().put(keys[r.nextInt(rows)], row(r)), new ChunkBuffer(store));
      }
      long written = 0;
      int maxWritten = 0;
      long sizeChangeWritten = 0;
      int sizeChangeMax = 0;
      long insertWritten = 0;
      int insertMax = 0;
      t0 = System.nanoTime();
      for (int i = 0; i < updates; i++) {
        byte[] key = keys[r.nextInt(rows)];
        ChunkBuffer b = new ChunkBuffer(store);
        map.edit(new MapEdits().put(key, row(r)), b); // new k, c, pad: same shape, k may differ in length
        written += b.size();
        maxWritten = Math.max(maxWritten, b.size());
      }
      double updateUs = (System.nanoTime() - t0) / 1e3 / updates;
      for (int i = 0; i < updates; i++) {
        byte[] key = keys[r.nextInt(rows)];
        ChunkBuffer b = new ChunkBuffer(store);
        byte[] v = ROW.encodeValue(new Object[] {(long) r.nextInt(rows), "x".repeat(100 + r.nextInt(40)), "p".repeat(60)});
        map.edit(new MapEdits().put(key, v), b);
        sizeChangeWritten += b.size();
        sizeChangeMax = Math.max(sizeChangeMax, b.size());
      }
      for (int i = 0; i < updates; i++) {
        ChunkBuffer b = new ChunkBuffer(store);
        byte[] key = KEY.encodeKey(new Object[] {(long) rows + 1 + r.nextInt(rows)});
        map.edit(i % 2 == 0 ? new MapEdits().put(key, row(r)) : new MapEdits().delete(keys[r.nextInt(rows)]), b);
        insertWritten += b.size();
        insertMax = Math.max(insertMax, b.size());
      }
      System.out.printf("one-row update (sysbench row: new k, c, pad): %.2f chunks written on average, max %d, depth %d; %.1f us per edit%n",
          (double) written / updates, maxWritten, map.depth(), updateUs);
      System.out.printf("one-row update (value size changes by up to 20 B): %.2f chunks on average, max %d%n",
          (double) sizeChangeWritten / updates, sizeChangeMax);
      System.out.printf("one-row insert/delete (alternating): %.2f chunks on average, max %d%n",
          (double) insertWritten / updates, insertMax);

      // ---- diff of 10 changed rows ----
      MapEdits ten = new MapEdits();
      for (int i = 0; i < 10; i++) {
        ten.put(keys[r.nextInt(rows)], row(r));
      }
      ChunkBuffer diffBuffer = new ChunkBuffer(store);
      ProllyMap changed = map.edit(ten, diffBuffer);
      double bestDiff = Double.MAX_VALUE;
      long reads = 0;
      for (int round = 0; round < 200; round++) {
        CountingReader ra = new CountingReader(store);
        CountingReader rb = new CountingReader(diffBuffer);
        ProllyMap from = ProllyMap.load(ra, map.root());
        ProllyMap to = ProllyMap.load(rb, changed.root());
        t0 = System.nanoTime();
        Iterator<DiffEntry> it = ProllyMap.diff(from, to);
        int n = 0;
        while (it.hasNext()) {
          it.next();
          n++;
        }
        bestDiff = Math.min(bestDiff, (System.nanoTime() - t0) / 1e3);
        if (n != 10) {
          throw new IllegalStateException("diff saw " + n);
        }
        reads = ra.reads.get() + rb.reads.get();
      }
      System.out.printf("diff of 10 changed rows: %.0f us, %d chunks read (including both roots)%n", bestDiff, reads);

      // ---- size on disk ----
      store.flush();
      System.out.printf("store size after flush: %.1f MB on disk (directory), RocksDB estimate %.1f MB%n",
          directoryBytes(dir) / 1e6, store.approximateSizeBytes() / 1e6);
      store.compact();
      System.out.printf("store size after full compaction (ZSTD bottommost): %.1f MB on disk%n", directoryBytes(dir) / 1e6);
      if (sink == 42) {
        System.out.println();
      }
    }
  }

  /** A sysbench-style row: k, c = 11 groups of 11 digits joined by '-' (120 chars), pad = 5 groups (60). */
  private static byte[] row(Random r) {
    return ROW.encodeValue(new Object[] {(long) r.nextInt(1_000_000), digits(r, 11, 120), digits(r, 5, 60)});
  }

  private static String digits(Random r, int groups, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int g = 0; g < groups; g++) {
      if (g > 0) {
        sb.append('-');
      }
      for (int i = 0; i < 11; i++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
    }
    while (sb.length() < length) {
      sb.append(' ');
    }
    return sb.substring(0, length);
  }

  private static Iterator<Map.Entry<byte[], byte[]>> entries(byte[][] keys, byte[][] values) {
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < keys.length;
      }

      @Override
      public Map.Entry<byte[], byte[]> next() {
        Map.Entry<byte[], byte[]> e = new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
        i++;
        return e;
      }
    };
  }

  private static void commitInSlices(RocksChunkStore store, ChunkBuffer buffer, Hash root) {
    Map<Hash, byte[]> slice = new HashMap<>();
    for (Map.Entry<Hash, byte[]> e : buffer.pending().entrySet()) {
      slice.put(e.getKey(), e.getValue());
      if (slice.size() == 4096) {
        store.commit(slice, List.of());
        slice = new HashMap<>();
      }
    }
    store.commit(slice, List.of(RefUpdate.set("bench/root", root.bytes())));
  }

  private static long directoryBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static final class CountingReader implements ChunkReader {
    final ChunkReader inner;
    final AtomicLong reads = new AtomicLong();

    CountingReader(ChunkReader inner) {
      this.inner = inner;
    }

    @Override
    public byte[] get(Hash h) {
      reads.incrementAndGet();
      return inner.get(h);
    }

    @Override
    public boolean has(Hash h) {
      return inner.has(h);
    }
  }
}
