package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.MemoryChunkStore;
import dev.scion.storage.tuple.KeyBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random edit sequences checked against a TreeMap model. */
class ProllyMapModelTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomEditsMatchModel(long seed) {
    Random r = new Random(seed);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = ProllyMap.empty(store);
    TreeMap<byte[], byte[]> model = newModel();
    boolean varKeys = seed % 2 == 0;
    int space = varKeys ? 3000 : 40_000;
    int maxDepth = 0;
    for (int round = 0; round < 40; round++) {
      MapEdits edits = new MapEdits();
      int op = r.nextInt(10);
      int batch = op < 3 ? 1 + r.nextInt(3) : r.nextInt(op < 8 ? 300 : 3000);
      for (int i = 0; i < batch; i++) {
        byte[] key = varKeys ? randomVarKey(r, space) : intKey(r.nextInt(space));
        if (r.nextInt(4) == 0) {
          edits.delete(key);
          model.remove(key);
        } else {
          byte[] v = randomValue(r, 0, r.nextInt(10) == 0 ? 3000 : 120);
          edits.put(key, v);
          model.put(key, v);
        }
      }
      if (op == 9 && !model.isEmpty()) {
        // delete a whole key range, which collapses subtrees and changes the tree's height
        List<byte[]> keys = new ArrayList<>(model.keySet());
        int a = r.nextInt(keys.size());
        int b = Math.min(keys.size(), a + r.nextInt(keys.size() + 1));
        for (byte[] k : keys.subList(a, b)) {
          edits.delete(k);
          model.remove(k);
        }
      }
      map = map.edit(edits, store);
      check(map, model, r);
      assertEquals(build(store, model).root(), map.root(), "edit result must equal a fresh build");
      maxDepth = Math.max(maxDepth, map.depth());
    }
    int wanted = varKeys ? 2 : 3; // the variable-key space is small: fewer, shorter-keyed entries
    assertTrue(maxDepth >= wanted, "the sequence should grow a tree of " + wanted + "+ levels, got " + maxDepth);
  }

  static void check(ProllyMap map, TreeMap<byte[], byte[]> model, Random r) {
    assertEquals(model.size(), map.count());
    assertTrue(sameEntries(entries(model), scan(map.cursor())), "forward scan");
    assertTrue(sameEntries(entries(model.descendingMap()), scan(map.cursor(KeyRange.ALL, true))), "reverse scan");
    List<byte[]> keys = new ArrayList<>(model.keySet());
    for (int i = 0; i < 50; i++) {
      byte[] probe = probeKey(r, keys);
      assertArrayEquals(model.get(probe), map.get(probe));
      assertEquals(model.containsKey(probe), map.contains(probe));
      assertEquals(model.headMap(probe, false).size(), map.ordinalOf(probe));
    }
    for (int i = 0; i < 20 && !keys.isEmpty(); i++) {
      int ord = r.nextInt(keys.size());
      Entry e = map.getAt(ord);
      assertArrayEquals(keys.get(ord), e.key());
      assertArrayEquals(model.get(keys.get(ord)), e.value());
      try (ProllyCursor c = map.seekOrdinal(ord)) {
        int n = 0;
        while (n < 30 && c.next()) {
          assertArrayEquals(keys.get(ord + n), c.key());
          n++;
        }
        assertEquals(Math.min(30, keys.size() - ord), n);
      }
    }
    assertFalse(map.seekOrdinal(keys.size()).next());
    for (int i = 0; i < 20; i++) {
      byte[] a = probeKey(r, keys);
      byte[] b = probeKey(r, keys);
      if (KeyBytes.compare(a, b) > 0) {
        byte[] t = a;
        a = b;
        b = t;
      }
      boolean ai = r.nextBoolean();
      boolean bi = r.nextBoolean();
      KeyRange range = switch (r.nextInt(4)) {
        case 0 -> new KeyRange(a, ai, b, bi);
        case 1 -> new KeyRange(a, ai, null, true);
        case 2 -> new KeyRange(null, true, b, bi);
        default -> KeyRange.prefix(java.util.Arrays.copyOf(a, Math.min(a.length, 1 + r.nextInt(2))));
      };
      NavigableMap<byte[], byte[]> sub = subMap(model, range);
      assertTrue(sameEntries(entries(sub), scan(map.cursor(range, false))), "forward range");
      assertTrue(sameEntries(entries(sub.descendingMap()), scan(map.cursor(range, true))), "reverse range");
    }
  }

  private static byte[] probeKey(Random r, List<byte[]> keys) {
    if (!keys.isEmpty() && r.nextBoolean()) {
      byte[] k = keys.get(r.nextInt(keys.size())).clone();
      if (r.nextInt(3) == 0) {
        // a neighbour of an existing key: a prefix or an extension
        return r.nextBoolean() && k.length > 1 ? java.util.Arrays.copyOf(k, k.length - 1)
            : java.util.Arrays.copyOf(k, k.length + 1);
      }
      return k;
    }
    return r.nextBoolean() ? intKey(r.nextInt(50_000)) : randomVarKey(r, 4000);
  }

  static NavigableMap<byte[], byte[]> subMap(TreeMap<byte[], byte[]> m, KeyRange range) {
    NavigableMap<byte[], byte[]> sub = m;
    if (range.start() != null) {
      sub = sub.tailMap(range.start(), range.startInclusive());
    }
    if (range.end() != null) {
      sub = sub.headMap(range.end(), range.endInclusive());
    }
    return sub;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 100, 5000, 60_000})
  void buildThenReadEverything(int n) {
    Random r = new Random(n);
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < n; i++) {
      model.put(intKey(i * 3L), randomValue(r, 0, 200));
    }
    ProllyMap map = build(store, model);
    check(map, model, r);
    ProllyMap reloaded = ProllyMap.load(store, map.root());
    assertEquals(map.count(), reloaded.count());
    assertEquals(map.depth(), reloaded.depth());
    if (n >= 5000) {
      assertTrue(map.depth() >= 2, "a large map has internal nodes");
    }
    for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
      assertArrayEquals(e.getValue(), reloaded.get(e.getKey()));
    }
  }
}
