package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A batch declared {@link MapEdits#knownToChange known to change} the map skips the lookups an edit otherwise makes
 * to find out how to apply itself, and must give exactly the tree an undeclared batch gives (the one a build from
 * scratch gives).
 */
class KnownChangesTest {

  private static TreeMap<byte[], byte[]> model(Random r, int n) {
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < n; i++) {
      model.put(intKey(i * 3L), randomValue(r, 1, 150));
    }
    return model;
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33})
  void aDeclaredBatchGivesTheTreeOfABuildFromScratchWithoutLookups(long seed) {
    Random r = new Random(seed);
    TreeMap<byte[], byte[]> model = model(r, 20_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    assertTrue(map.depth() >= 3, "the test needs several levels, got " + map.depth());
    for (int round = 0; round < 60; round++) {
      // the kinds of batch a commit's replay makes: inserts, deletes, value changes of any length, and batches
      // of same-length replacements only (patched in place)
      boolean sameLength = round % 3 == 0;
      List<byte[]> keys = new ArrayList<>(model.keySet());
      int batch = round < 30 ? 1 + r.nextInt(3) : 1 + r.nextInt(150);
      MapEdits edits = new MapEdits();
      TreeMap<byte[], byte[]> next = new TreeMap<>(model.comparator());
      next.putAll(model);
      for (int j = 0; j < batch; j++) {
        byte[] key = sameLength || r.nextBoolean() ? keys.get(r.nextInt(keys.size()))
            : intKey(r.nextInt(60_000) * 3L + 1 + r.nextInt(2)); // between two present keys: absent
        byte[] old = model.get(key);
        if (next.containsKey(key) && !Arrays.equals(next.get(key), old)) {
          continue; // one edit per key, compared with the map as it is
        }
        byte[] value;
        if (sameLength) {
          value = randomValue(r, old.length, old.length);
          if (Arrays.equals(value, old)) {
            continue;
          }
        } else if (old != null && r.nextInt(3) == 0) {
          value = null;
        } else {
          value = randomValue(r, 1, 150);
        }
        if (value == null) {
          edits.delete(key);
          next.remove(key);
        } else {
          edits.put(key, value);
          next.put(key, value);
        }
      }
      long lookups = ProllyMap.editLookups();
      map = map.edit(edits.knownToChange(sameLength), store);
      assertEquals(0, ProllyMap.editLookups() - lookups, "round " + round);
      model = next;
      assertEquals(build(new MemoryChunkStore(), model).root(), map.root(), "round " + round);
    }
    assertTrue(sameEntries(entries(model), scan(map.cursor())));
  }

  @Test
  void anUndeclaredBatchLooksItsEditsUp() {
    Random r = new Random(4);
    TreeMap<byte[], byte[]> model = model(r, 5_000);
    ProllyMap map = build(new MemoryChunkStore(), model);
    long lookups = ProllyMap.editLookups();
    map.edit(new MapEdits().put(intKey(7), new byte[] {1}), new MemoryChunkStore());
    assertTrue(ProllyMap.editLookups() - lookups > 0);
  }

  @Test
  void aDeclaredChangeThatChangesNothingStillGivesTheSameTree() {
    Random r = new Random(5);
    TreeMap<byte[], byte[]> model = model(r, 5_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    byte[] key = intKey(3L * 1_234);
    ProllyMap same = map.edit(new MapEdits().put(key, model.get(key)).delete(intKey(1)).knownToChange(false),
        store);
    assertEquals(map.root(), same.root());
  }

  @Test
  void aWronglyDeclaredSameLengthReplacementFailsTheEdit() {
    Random r = new Random(6);
    TreeMap<byte[], byte[]> model = model(r, 5_000);
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    byte[] present = intKey(3L * 100);
    MapEdits longer = new MapEdits().put(present, new byte[model.get(present).length + 1]).knownToChange(true);
    assertThrows(IllegalStateException.class, () -> map.edit(longer, store));
    MapEdits absent = new MapEdits().put(intKey(3L * 100 + 1), new byte[4]).knownToChange(true);
    assertThrows(IllegalStateException.class, () -> map.edit(absent, store));
    MapEdits beyond = new MapEdits().put(intKey(3L * 1_000_000), new byte[4]).knownToChange(true);
    assertThrows(IllegalStateException.class, () -> map.edit(beyond, store));
  }
}
