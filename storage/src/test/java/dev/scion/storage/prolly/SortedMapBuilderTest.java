package dev.scion.storage.prolly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedMapBuilderTest {
  @Test
  void pushedEntriesBuildTheSameTreeAsTheIteratorBuild() {
    MemoryChunkStore store = new MemoryChunkStore();
    Random r = new Random(7);
    TreeMap<byte[], byte[]> model = TreeFixtures.newModel();
    for (int i = 0; i < 20_000; i++) {
      model.put(TreeFixtures.intKey(i * 3L), TreeFixtures.randomValue(r, 1, 60));
    }
    SortedMapBuilder b = new SortedMapBuilder(store);
    for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
      assertTrue(b.accepts(e.getKey()));
      b.add(e.getKey(), e.getValue());
    }
    ProllyMap pushed = b.finish();
    assertEquals(TreeFixtures.build(store, model).root(), pushed.root(), "history independence");
    assertEquals(model.size(), pushed.count());
  }

  @Test
  void aKeyNotAboveTheLastIsRefusedAndTheMapSoFarStays() {
    MemoryChunkStore store = new MemoryChunkStore();
    SortedMapBuilder b = new SortedMapBuilder(store);
    b.add(TreeFixtures.intKey(1), new byte[] {1});
    b.add(TreeFixtures.intKey(5), new byte[] {5});
    assertFalse(b.accepts(TreeFixtures.intKey(5)), "equal key");
    assertFalse(b.accepts(TreeFixtures.intKey(2)), "smaller key");
    assertThrows(IllegalArgumentException.class, () -> b.add(TreeFixtures.intKey(2), new byte[] {2}));
    ProllyMap m = b.finish();
    assertEquals(2, m.count());
    assertThrows(IllegalStateException.class, () -> b.add(TreeFixtures.intKey(9), new byte[] {9}));
  }
}
