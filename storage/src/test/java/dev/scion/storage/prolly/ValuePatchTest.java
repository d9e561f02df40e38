package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same-length value replacements are applied by patching node bytes (ValuePatch); the tree must be the one a build
 * from scratch gives for the resulting entries, and must be written with one new node per level per changed path.
 */
class ValuePatchTest {

  private static TreeMap<byte[], byte[]> model(Random r, int n) {
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < n; i++) {
      model.put(intKey(i * 3L), randomValue(r, 1, 150));
    }
    return model;
  }

  private static byte[] sameLength(Random r, byte[] old) {
    byte[] v = new byte[old.length];
    r.nextBytes(v);
    return v;
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void sameLengthReplacementsGiveTheRootOfABuildFromScratch(long seed) {
    Random r = new Random(seed);
    TreeMap<byte[], byte[]> model = model(r, 20_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    assertTrue(map.depth() >= 3, "the test needs several levels, got " + map.depth());
    List<byte[]> keys = new ArrayList<>(model.keySet());
    for (int round = 0; round < 40; round++) {
      // 1 to 200 edits: neighbours in one leaf, far-apart keys, and some that rewrite the value already there
      int batch = round < 20 ? 1 : 1 + r.nextInt(200);
      MapEdits edits = new MapEdits();
      for (int j = 0; j < batch; j++) {
        byte[] key = keys.get(r.nextInt(keys.size()));
        byte[] value = r.nextInt(5) == 0 ? model.get(key) : sameLength(r, model.get(key));
        edits.put(key, value);
        model.put(key, value);
      }
      map = map.edit(edits, store);
      assertEquals(build(new MemoryChunkStore(), model).root(), map.root(), "round " + round);
      assertTrue(sameEntries(entries(model), scan(map.cursor())), "round " + round);
    }
  }

  @Test
  void aOneValueReplacementWritesOneNodePerLevel() {
    Random r = new Random(5);
    TreeMap<byte[], byte[]> model = model(r, 20_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    byte[] key = intKey(3L * 12_345);
    int before = store.size();
    ProllyMap next = map.edit(new MapEdits().put(key, sameLength(r, model.get(key))), store);
    assertEquals(map.depth(), store.size() - before);
    assertNotEquals(map.root(), next.root());
  }

  @Test
  void rewritingTheValuesAlreadyThereWritesNothing() {
    Random r = new Random(6);
    TreeMap<byte[], byte[]> model = model(r, 5_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    int before = store.size();
    MapEdits edits = new MapEdits();
    for (long k = 0; k < 5_000; k += 97) {
      edits.put(intKey(3 * k), model.get(intKey(3 * k)).clone());
    }
    assertSame(map, map.edit(edits, store));
    assertEquals(before, store.size());
  }

  @Test
  void aBatchWithAnInsertALengthChangeOrADeleteTakesTheGeneralEditor() {
    Random r = new Random(7);
    TreeMap<byte[], byte[]> model = model(r, 5_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    byte[] a = intKey(3L * 100);
    byte[] b = intKey(3L * 2_000);
    List<MapEdits> batches = List.of(
        new MapEdits().put(a, sameLength(r, model.get(a))).put(intKey(3L * 100 + 1), new byte[] {1}),
        new MapEdits().put(a, sameLength(r, model.get(a))).put(b, new byte[model.get(b).length + 1]),
        new MapEdits().put(a, sameLength(r, model.get(a))).delete(b),
        new MapEdits().put(a, sameLength(r, model.get(a))).put(intKey(3L * 9_999_999), new byte[] {2}));
    for (MapEdits edits : batches) {
      TreeMap<byte[], byte[]> expected = newModel();
      expected.putAll(model);
      for (int i = 0; i < edits.size(); i++) {
        if (edits.value(i) == null) {
          expected.remove(edits.key(i));
        } else {
          expected.put(edits.key(i), edits.value(i));
        }
      }
      Hash root = map.edit(edits, store).root();
      assertEquals(build(new MemoryChunkStore(), expected).root(), root);
    }
  }
}
