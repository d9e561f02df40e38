package dev.scion.storage.bench;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
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
import java.util.stream.Stream;

/**
 * Sysbench-shaped rows for the storage benchmarks: {@code id INT64} key; {@code k INT64, c CHAR(120),
 * pad CHAR(60)} value, the strings being sysbench's groups of 11 digits joined by '-'.
 */
final class SysbenchRows {
  static final TupleDescriptor KEY = new TupleDescriptor(FieldType.INT64);
  static final TupleDescriptor ROW = new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.STRING);
  static final String ROOT_REF = "bench/root";

  final byte[][] keys;
  final byte[][] values;

  /** Generates {@code rows} rows with ids 1..rows, deterministically from {@code seed}. */
  SysbenchRows(int rows, long seed) {
    Random r = new Random(seed);
    keys = new byte[rows][];
    values = new byte[rows][];
    for (int i = 0; i < rows; i++) {
      keys[i] = key(i + 1);
      values[i] = row(r, rows);
    }
  }

  private SysbenchRows(byte[][] keys, byte[][] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * Rows read from tab-separated {@code id k c pad} lines in ascending id order (as {@code mariadb -N -B}
   * prints a sysbench table), so both engines store exactly the same rows.
   */
  static SysbenchRows fromTsv(Path file) throws IOException {
    List<byte[]> ks = new java.util.ArrayList<>();
    List<byte[]> vs = new java.util.ArrayList<>();
    try (java.io.BufferedReader in = Files.newBufferedReader(file)) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new IOException("expected id, k, c, pad in " + file + ": " + line);
        }
        ks.add(key(Long.parseLong(f[0])));
        vs.add(ROW.encodeValue(new Object[] {Long.parseLong(f[1]), f[2], f[3]}));
      }
    }
    return new SysbenchRows(ks.toArray(new byte[0][]), vs.toArray(new byte[0][]));
  }

  int size() {
    return keys.length;
  }

  long rawBytes() {
    long n = 0;
    for (int i = 0; i < keys.length; i++) {
      n += keys[i].length + values[i].length;
    }
    return n;
  }

  static byte[] key(long id) {
    return KEY.encodeKey(new Object[] {id});
  }

  static byte[] row(Random r, int tableSize) {
    return ROW.encodeValue(new Object[] {(long) r.nextInt(tableSize), digits(r, 11, 120), digits(r, 5, 60)});
  }

  static String digits(Random r, int groups, int length) {
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

  /** The rows in key order, as map entries (no copies). */
  Iterator<Map.Entry<byte[], byte[]>> entries() {
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

  /** Commits a buffer's chunks in synced batches of 4096 chunks, the last one also setting {@code ref}. */
  static void commitInSlices(RocksChunkStore store, ChunkBuffer buffer, String ref, Hash root) {
    Map<Hash, byte[]> slice = new HashMap<>();
    for (Map.Entry<Hash, byte[]> e : buffer.pending().entrySet()) {
      slice.put(e.getKey(), e.getValue());
      if (slice.size() == 4096) {
        store.commit(slice, List.of());
        slice = new HashMap<>();
      }
    }
    store.commit(slice, List.of(RefUpdate.set(ref, root.bytes())));
    buffer.clear();
  }

  static long directoryBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Counts chunk reads. */
  static final class CountingReader implements ChunkReader {
    final ChunkReader inner;
    long reads;

    CountingReader(ChunkReader inner) {
      this.inner = inner;
    }

    @Override
    public byte[] get(Hash h) {
      reads++;
      return inner.get(h);
    }

    @Override
    public boolean has(Hash h) {
      return inner.has(h);
    }
  }
}
