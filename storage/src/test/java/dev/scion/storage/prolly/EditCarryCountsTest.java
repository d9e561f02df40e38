package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.build;
import static dev.scion.storage.prolly.TreeFixtures.intKey;
import static dev.scion.storage.prolly.TreeFixtures.newModel;
import static dev.scion.storage.prolly.TreeFixtures.randomValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An edit that inserts or deletes keys copies an edited leaf's entries before its first edit in one piece, and
 * re-adds through the boundary rule only the entries from the first edit on; an edited internal node passes its
 * unedited children through in one piece wherever the new node holds what the old one held at that point. The tree it builds is still the one a build from
 * scratch gives.
 */
class EditCarryCountsTest {
  @Test
  void oneKeyInsertsAndDeletesReAddOnlyTheEntriesFromTheEditOn() {
    MemoryChunkStore store = new MemoryChunkStore();
    Random r = new Random(5);
    TreeMap<byte[], byte[]> model = newModel();
    // Index-like entries: small keys, empty values, so a leaf holds hundreds of them.
    for (int i = 0; i < 40_000; i += 2) {
      model.put(intKey(i), new byte[0]);
    }
    ProllyMap map = build(store, model);
    double entriesPerLeaf = (double) model.size() / map.leafCounts().length;
    assertTrue(entriesPerLeaf > 100, "leaves of " + entriesPerLeaf + " entries");

    int edits = 400;
    long carriedBefore = TreeEditor.LEAF_ENTRIES_CARRIED.sum();
    long readdedBefore = TreeEditor.LEAF_ENTRIES_READDED.sum();
    long childrenBefore = TreeEditor.CHILDREN_CARRIED.sum();
    int rootChildren = map.leafCounts().length;
    assertEquals(2, map.depth(), "a root over the leaves");
    for (int t = 0; t < edits; t++) {
      MapEdits edit;
      if (t % 2 == 0) {
        byte[] key = intKey(2 * r.nextInt(20_000) + 1); // between two present keys
        edit = new MapEdits().put(key, new byte[0]);
        model.put(key, new byte[0]);
      } else {
        byte[] key = model.keySet().stream().skip(r.nextInt(model.size())).findFirst().orElseThrow();
        edit = new MapEdits().delete(key);
        model.remove(key);
      }
      map = map.edit(edit, store);
    }
    long carried = TreeEditor.LEAF_ENTRIES_CARRIED.sum() - carriedBefore;
    long readded = TreeEditor.LEAF_ENTRIES_READDED.sum() - readdedBefore;
    long children = TreeEditor.CHILDREN_CARRIED.sum() - childrenBefore;

    assertEquals(build(new MemoryChunkStore(), model).root(), map.root(), "edited tree differs from a fresh build");
    // A random key lands on average halfway through its leaf: about half the leaf is carried, and the other half
    // (plus whatever it takes the boundaries to realign) re-added. Before the carry every entry was re-added.
    double carriedPerEdit = (double) carried / edits;
    double readdedPerEdit = (double) readded / edits;
    assertTrue(carriedPerEdit > 0.3 * entriesPerLeaf, "carried " + carriedPerEdit + " per edit");
    assertTrue(carriedPerEdit > 0.5 * readdedPerEdit,
        "carried " + carriedPerEdit + ", re-added " + readdedPerEdit + " per edit");
    // The root's children before the edited leaf, and after it too when the leaf was rebuilt as one node with
    // its old last key (the usual case), keep their boundaries and pass through in one piece: all but the edited
    // child and the last one (before, each was re-added through the rule).
    double childrenPerEdit = (double) children / edits;
    assertTrue(childrenPerEdit > 0.9 * rootChildren, "children carried " + childrenPerEdit + " of " + rootChildren);
  }

  @Test
  void anEditBeforeALeafsFirstKeyCarriesNothing() {
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = newModel();
    Random r = new Random(6);
    for (int i = 1; i <= 2_000; i++) {
      model.put(intKey(i), randomValue(r, 10, 30));
    }
    ProllyMap map = build(store, model);
    long carriedBefore = TreeEditor.LEAF_ENTRIES_CARRIED.sum();
    ProllyMap edited = map.edit(new MapEdits().put(intKey(0), new byte[] {1}), new ChunkBuffer(store));
    model.put(intKey(0), new byte[] {1});
    assertEquals(0, TreeEditor.LEAF_ENTRIES_CARRIED.sum() - carriedBefore);
    assertEquals(build(new MemoryChunkStore(), model).root(), edited.root());
    assertTrue(Arrays.stream(edited.leafCounts()).sum() == model.size());
  }
}
