package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.randomValue;
import static dev.scion.storage.prolly.TreeFixtures.randomVarKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A run of an old leaf's entries decided in one loop over its offsets and copied in one piece
 * ({@link LevelBuilder#firstEndingLeaf}, {@link LevelBuilder#appendLeaves}) ends nodes after the same entries and
 * builds the same nodes, byte for byte, as adding the entries one by one through the boundary rule; whatever the
 * node being built already holds when the run starts.
 */
class LeafRunTest {
  @Test
  void aRunEndsAndBuildsNodesAsEntryByEntryDoes() {
    Random r = new Random(11);
    MemoryChunkStore store = new MemoryChunkStore();
    int nodesCompared = 0;
    for (int trial = 0; trial < 200; trial++) {
      Node leaf = oneLeaf(store, r, 50 + r.nextInt(400), r.nextInt(3) == 0 ? 600 : 120);
      int from = r.nextInt(leaf.n);
      int to = from + r.nextInt(leaf.n - from + 1);
      List<Map.Entry<byte[], byte[]>> pending = pendingEntries(r);

      LevelBuilder oneByOne = builderHolding(store, pending);
      List<Integer> endsOneByOne = new ArrayList<>();
      List<Hash> nodesOneByOne = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int ks = leaf.keyStart(i);
        int vs = leaf.valueStart(i);
        if (oneByOne.addLeaf(leaf.b, ks, leaf.keyEnd(i) - ks, leaf.b, vs, leaf.valueEnd(i) - vs)) {
          endsOneByOne.add(i);
          nodesOneByOne.add(oneByOne.emit(store).address());
        }
      }
      nodesOneByOne.add(oneByOne.isEmpty() ? null : oneByOne.emit(store).address());

      LevelBuilder runs = builderHolding(store, pending);
      List<Integer> endsByRuns = new ArrayList<>();
      List<Hash> nodesByRuns = new ArrayList<>();
      for (int i = from; i < to; ) {
        int ending = runs.firstEndingLeaf(leaf, i, to);
        int end = Math.min(ending + 1, to);
        runs.appendLeaves(leaf, i, end);
        i = end;
        if (ending < to) {
          endsByRuns.add(ending);
          nodesByRuns.add(runs.emit(store).address());
        }
      }
      nodesByRuns.add(runs.isEmpty() ? null : runs.emit(store).address());

      assertEquals(endsOneByOne, endsByRuns, "node ends, trial " + trial);
      assertEquals(nodesOneByOne, nodesByRuns, "nodes built, trial " + trial);
      nodesCompared += nodesByRuns.size();
    }
    assertTrue(nodesCompared > 400, "only " + nodesCompared + " nodes compared");
  }

  /** One leaf node of {@code entries} random entries, larger than the boundary rule would let a leaf grow. */
  private static Node oneLeaf(MemoryChunkStore store, Random r, int entries, int maxValue) {
    TreeMap<byte[], byte[]> model = TreeFixtures.newModel();
    while (model.size() < entries) {
      model.put(randomVarKey(r, 1_000_000), randomValue(r, 0, maxValue));
    }
    LevelBuilder b = new LevelBuilder(0);
    for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
      b.addLeaf(e.getKey(), 0, e.getKey().length, e.getValue(), 0, e.getValue().length);
    }
    Hash address = b.emit(store).address();
    return Node.parse(store.get(address), address);
  }

  /** What the node being built holds when the run starts: nothing, or a few entries. */
  private static List<Map.Entry<byte[], byte[]>> pendingEntries(Random r) {
    List<Map.Entry<byte[], byte[]>> pending = new ArrayList<>();
    int count = r.nextInt(4) == 0 ? 0 : r.nextInt(30);
    for (int i = 0; i < count; i++) {
      pending.add(Map.entry(randomVarKey(r, 1_000), randomValue(r, 0, 60)));
    }
    return pending;
  }

  private static LevelBuilder builderHolding(MemoryChunkStore store, List<Map.Entry<byte[], byte[]>> pending) {
    LevelBuilder b = new LevelBuilder(0);
    for (Map.Entry<byte[], byte[]> e : pending) {
      if (b.addLeaf(e.getKey(), 0, e.getKey().length, e.getValue(), 0, e.getValue().length)) {
        b.emit(store); // the same entries end a node at the same place in both builders
      }
    }
    return b;
  }
}
