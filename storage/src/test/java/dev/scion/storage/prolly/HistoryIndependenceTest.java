package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same entries give the same root whatever order and batching produced them. */
class HistoryIndependenceTest {

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void anyInsertionOrderGivesTheSameRoot(long seed) {
    Random r = new Random(seed);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 20_000; i++) {
      model.put(intKey(r.nextInt(1_000_000)), randomValue(r, 1, 150));
    }
    MemoryChunkStore store = new MemoryChunkStore();
    Hash expected = build(store, model).root();
    ProllyMap deep = ProllyMap.load(store, expected);
    assertTrue(deep.depth() >= 3, "the test needs a tree with several levels, got " + deep.depth());

    List<Map.Entry<byte[], byte[]>> shuffled = new ArrayList<>(model.entrySet());
    for (int attempt = 0; attempt < 4; attempt++) {
      Collections.shuffle(shuffled, r);
      ProllyMap map = ProllyMap.empty(store);
      int i = 0;
      while (i < shuffled.size()) {
        int batch = attempt == 0 ? 1 : 1 + r.nextInt(attempt * 2000);
        MapEdits edits = new MapEdits();
        for (int j = 0; j < batch && i < shuffled.size(); j++, i++) {
          edits.put(shuffled.get(i).getKey(), shuffled.get(i).getValue());
        }
        map = map.edit(edits, store);
        if (attempt == 0 && i > 3000) {
          // one-at-a-time for the first few thousand only, then the rest in one go
          MapEdits rest = new MapEdits();
          for (; i < shuffled.size(); i++) {
            rest.put(shuffled.get(i).getKey(), shuffled.get(i).getValue());
          }
          map = map.edit(rest, store);
        }
      }
      assertEquals(expected, map.root(), "attempt " + attempt);
    }
  }

  @Test
  void insertingThenDeletingExtrasRestoresTheRoot() {
    Random r = new Random(99);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 10_000; i++) {
      model.put(intKey(i * 2L), randomValue(r, 20, 100));
    }
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap original = build(store, model);
    MapEdits add = new MapEdits();
    MapEdits remove = new MapEdits();
    for (int i = 0; i < 3000; i++) {
      byte[] k = intKey(r.nextInt(20_000) * 2L + 1);
      add.put(k, randomValue(r, 0, 500));
      remove.delete(k);
    }
    ProllyMap grown = original.edit(add, store);
    assertNotEquals(original.root(), grown.root());
    assertEquals(original.root(), grown.edit(remove, store).root());
  }

  @Test
  void deletingEverythingGivesTheEmptyMap() {
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = newModel();
    Random r = new Random(5);
    for (int i = 0; i < 5000; i++) {
      model.put(intKey(i), randomValue(r, 10, 100));
    }
    ProllyMap map = build(store, model);
    MapEdits all = new MapEdits();
    model.keySet().forEach(all::delete);
    ProllyMap empty = map.edit(all, store);
    assertEquals(ProllyMap.empty(new MemoryChunkStore()).root(), empty.root());
    assertEquals(0, empty.count());
    assertEquals(1, empty.depth());
    assertFalse(empty.cursor().next());
  }

  @Test
  void deletingAllButTheRightEdgeTrimsTheRoot() {
    // The rightmost node of a level may have a single child; when everything left of it goes, the root
    // must drop to the level where a build from scratch would stop.
    MemoryChunkStore store = new MemoryChunkStore();
    Random r = new Random(8);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 30_000; i++) {
      model.put(intKey(i), randomValue(r, 10, 100));
    }
    ProllyMap map = build(store, model);
    for (int keep : new int[] {1, 2, 17, 300, 5000}) {
      TreeMap<byte[], byte[]> rest = newModel();
      MapEdits edits = new MapEdits();
      int i = 0;
      for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
        if (i++ < model.size() - keep) {
          edits.delete(e.getKey());
        } else {
          rest.put(e.getKey(), e.getValue());
        }
      }
      ProllyMap edited = map.edit(edits, store);
      assertEquals(build(store, rest).root(), edited.root(), "keeping " + keep);
      assertEquals(keep, edited.count());
    }
  }

  @Test
  void largeKeysAndValuesStillConverge() {
    MemoryChunkStore store = new MemoryChunkStore();
    Random r = new Random(21);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 400; i++) {
      byte[] k = randomValue(r, 1, 3000); // huge keys make internal levels shrink slowly
      model.put(k, randomValue(r, 0, 20_000));
    }
    ProllyMap built = build(store, model);
    List<Map.Entry<byte[], byte[]>> shuffled = new ArrayList<>(model.entrySet());
    Collections.shuffle(shuffled, r);
    ProllyMap map = ProllyMap.empty(store);
    for (int i = 0; i < shuffled.size(); i += 7) {
      MapEdits edits = new MapEdits();
      for (int j = i; j < Math.min(i + 7, shuffled.size()); j++) {
        edits.put(shuffled.get(j).getKey(), shuffled.get(j).getValue());
      }
      map = map.edit(edits, store);
    }
    assertEquals(built.root(), map.root());
    assertTrue(sameEntries(entries(model), scan(map.cursor())));
  }

  @Test
  void laterEditsOfTheSameKeyWin() {
    MemoryChunkStore store = new MemoryChunkStore();
    MapEdits edits = new MapEdits();
    edits.put(intKey(5), new byte[] {1});
    edits.put(intKey(3), new byte[] {2});
    edits.delete(intKey(5));
    edits.put(intKey(3), new byte[] {3});
    edits.put(intKey(7), new byte[] {4});
    assertEquals(3, edits.size());
    ProllyMap map = ProllyMap.empty(store).edit(edits, store);
    assertEquals(2, map.count());
    assertNull(map.get(intKey(5)));
    assertArrayEquals(new byte[] {3}, map.get(intKey(3)));
  }

  @Test
  void buildRejectsUnsortedInput() {
    MemoryChunkStore store = new MemoryChunkStore();
    List<Map.Entry<byte[], byte[]>> bad = List.of(
        Map.entry(intKey(2), new byte[0]), Map.entry(intKey(1), new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> ProllyMap.build(store, bad.iterator()));
  }
}
