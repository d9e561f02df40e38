package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small edits rewrite only the nodes on their path. */
class EditChunkCountTest {
  static MemoryChunkStore store;
  static ProllyMap map;
  static final int ROWS = 100_000;

  @BeforeAll
  static void buildTree() {
    store = new MemoryChunkStore();
    Random r = new Random(1);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < ROWS; i++) {
      model.put(intKey(i), randomValue(r, 180, 180));
    }
    map = build(store, model);
    assertTrue(map.depth() >= 3);
  }

  @Test
  void oneRowUpdateWritesOneNodePerLevel() {
    Random r = new Random(2);
    for (int t = 0; t < 200; t++) {
      ChunkBuffer buffer = new ChunkBuffer(store);
      MapEdits edits = new MapEdits().put(intKey(r.nextInt(ROWS)), randomValue(r, 180, 180));
      ProllyMap edited = map.edit(edits, buffer);
      assertTrue(buffer.size() <= map.depth() + 1,
          "wrote " + buffer.size() + " chunks for depth " + map.depth());
      assertEquals(map.count(), edited.count());
    }
  }

  @Test
  void valueSizeChangesAndInsertsAndDeletesWriteAFewNodesOnAverage() {
    // Node boundaries depend on node byte sizes, so a row that changes size can move the boundary after it;
    // the builder then realigns with the old boundaries within a node or two on average.
    Random r = new Random(3);
    int trials = 300;
    for (int kind = 0; kind < 3; kind++) {
      long total = 0;
      int max = 0;
      for (int t = 0; t < trials; t++) {
        ChunkBuffer buffer = new ChunkBuffer(store);
        MapEdits edits = switch (kind) {
          case 0 -> new MapEdits().put(intKey(r.nextInt(ROWS)), randomValue(r, 150, 210));
          case 1 -> new MapEdits().delete(intKey(r.nextInt(ROWS)));
          default -> new MapEdits().put(intKey(ROWS + r.nextInt(ROWS)), randomValue(r, 180, 180));
        };
        map.edit(edits, buffer);
        total += buffer.size();
        max = Math.max(max, buffer.size());
      }
      double average = (double) total / trials;
      assertTrue(average <= map.depth() + 1, "kind " + kind + ": average " + average);
      assertTrue(max <= 6 * map.depth(), "kind " + kind + ": max " + max);
    }
  }

  @Test
  void noOpEditsWriteNothingNew() {
    byte[] k = intKey(1234);
    ChunkBuffer buffer = new ChunkBuffer(store);
    ProllyMap same = map.edit(new MapEdits().put(k, map.get(k)).delete(intKey(ROWS + 5)), buffer);
    assertEquals(map.root(), same.root());
    assertEquals(0, buffer.size());
  }

  @Test
  void pointReadsTouchOneNodePerLevel() {
    CountingReader counting = new CountingReader(store);
    ProllyMap counted = ProllyMap.load(counting, map.root());
    long before = counting.reads.get();
    assertNotNull(counted.get(intKey(777)));
    assertEquals(counted.depth() - 1, counting.reads.get() - before); // the root is already open
  }
}
