package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.tuple.KeyBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Shared helpers for prolly tests: keys, values, a model map, and conversions. */
final class TreeFixtures {
  private TreeFixtures() {}

  static byte[] intKey(long i) {
    return ByteBuffer.allocate(8).putLong(i ^ Long.MIN_VALUE).array();
  }

  static byte[] randomValue(Random r, int min, int max) {
    byte[] v = new byte[min + r.nextInt(max - min + 1)];
    r.nextBytes(v);
    return v;
  }

  /** Keys of varying length drawn from a small alphabet, so prefixes and shared prefixes are common. */
  static byte[] randomVarKey(Random r, int space) {
    int id = r.nextInt(space);
    Random kr = new Random(id * 7919L);
    byte[] k = new byte[1 + kr.nextInt(12)];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (kr.nextInt(4) * 85); // 0x00, 0x55, 0xAA, 0xFF
    }
    return k;
  }

  static TreeMap<byte[], byte[]> newModel() {
    return new TreeMap<>(KeyBytes.ORDER);
  }

  static ProllyMap build(ChunkStore store, TreeMap<byte[], byte[]> model) {
    return ProllyMap.build(store, model.entrySet().iterator());
  }

  static List<Map.Entry<byte[], byte[]>> scan(ProllyCursor c) {
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
    while (c.next()) {
      out.add(Map.entry(c.key(), c.value()));
    }
    return out;
  }

  static List<Map.Entry<byte[], byte[]>> entries(Map<byte[], byte[]> m) {
    return new ArrayList<>(m.entrySet());
  }

  static boolean sameEntries(List<Map.Entry<byte[], byte[]>> a, List<Map.Entry<byte[], byte[]>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i).getKey(), b.get(i).getKey())
          || !Arrays.equals(a.get(i).getValue(), b.get(i).getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Counts chunk reads, to check that work follows the size of a change. */
  static final class CountingReader implements ChunkReader {
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
