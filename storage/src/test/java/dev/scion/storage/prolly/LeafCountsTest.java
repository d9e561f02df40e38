package dev.scion.storage.prolly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LeafCountsTest {
  @Test
  void leafCountsAreTheLeavesInKeyOrderAndAddUpToTheMap() {
    MemoryChunkStore store = new MemoryChunkStore();
    Random r = new Random(11);
    TreeMap<byte[], byte[]> model = TreeFixtures.newModel();
    for (int i = 0; i < 30_000; i++) {
      model.put(TreeFixtures.intKey(i), TreeFixtures.randomValue(r, 1, 60));
    }
    ProllyMap map = TreeFixtures.build(store, model);
    long[] leaves = map.leafCounts();
    assertTrue(map.depth() > 2, "the map should have internal levels above level 1");
    assertTrue(leaves.length > 10);
    assertEquals(model.size(), Arrays.stream(leaves).sum());
    // the counts match the leaves themselves, loaded and counted entry by entry
    List<Long> actual = new ArrayList<>();
    NodeLoader loader = new NodeLoader(store);
    countLeaves(loader, loader.load(map.root()), actual);
    assertArrayEquals(actual.stream().mapToLong(Long::longValue).toArray(), leaves);
  }

  private static void countLeaves(NodeLoader loader, Node node, List<Long> out) {
    if (node.isLeaf()) {
      out.add((long) node.n);
      return;
    }
    for (int i = 0; i < node.n; i++) {
      countLeaves(loader, loader.load(node.child(i)), out);
    }
  }

  @Test
  void aSingleLeafMapHasOneCountAndTheEmptyMapOneEmptyLeaf() {
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = TreeFixtures.newModel();
    for (int i = 0; i < 5; i++) {
      model.put(TreeFixtures.intKey(i), new byte[] {(byte) i});
    }
    assertArrayEquals(new long[] {5}, TreeFixtures.build(store, model).leafCounts());
    assertArrayEquals(new long[] {0}, ProllyMap.empty(store).leafCounts());
  }
}
