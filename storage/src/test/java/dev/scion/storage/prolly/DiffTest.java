package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffTest {

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void diffMatchesModelAndAppliesBack(long seed) {
    Random r = new Random(seed);
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> a = newModel();
    for (int i = 0; i < 20_000; i++) {
      a.put(intKey(r.nextInt(100_000)), randomValue(r, 0, 100));
    }
    TreeMap<byte[], byte[]> b = new TreeMap<>(a);
    int changes = seed % 4 == 0 ? 5 : seed % 4 == 1 ? 500 : 15_000;
    List<byte[]> keys = new ArrayList<>(a.keySet());
    for (int i = 0; i < changes; i++) {
      switch (r.nextInt(3)) {
        case 0 -> b.put(intKey(r.nextInt(100_000)), randomValue(r, 0, 100));
        case 1 -> b.remove(keys.get(r.nextInt(keys.size())));
        default -> b.put(keys.get(r.nextInt(keys.size())), randomValue(r, 0, 100));
      }
    }
    ProllyMap ma = build(store, a);
    ProllyMap mb = build(store, b);

    List<DiffEntry> diff = new ArrayList<>();
    ProllyMap.diff(ma, mb).forEachRemaining(diff::add);
    List<DiffEntry> expected = modelDiff(a, b);
    assertEquals(expected.size(), diff.size());
    for (int i = 0; i < diff.size(); i++) {
      assertArrayEquals(expected.get(i).key(), diff.get(i).key());
      assertArrayEquals(expected.get(i).fromValue(), diff.get(i).fromValue());
      assertArrayEquals(expected.get(i).toValue(), diff.get(i).toValue());
    }

    MapEdits edits = new MapEdits();
    for (DiffEntry d : diff) {
      if (d.toValue() == null) {
        edits.delete(d.key());
      } else {
        edits.put(d.key(), d.toValue());
      }
    }
    assertEquals(mb.root(), ma.edit(edits, store).root());

    List<DiffEntry> reverse = new ArrayList<>();
    ma.diff(mb, reverse::add); // from b to a
    assertEquals(diff.size(), reverse.size());
  }

  static List<DiffEntry> modelDiff(TreeMap<byte[], byte[]> a, TreeMap<byte[], byte[]> b) {
    TreeMap<byte[], DiffEntry> out = new TreeMap<>(dev.scion.storage.tuple.KeyBytes.ORDER);
    for (Map.Entry<byte[], byte[]> e : a.entrySet()) {
      byte[] bv = b.get(e.getKey());
      if (bv == null) {
        out.put(e.getKey(), new DiffEntry(e.getKey(), e.getValue(), null));
      } else if (!Arrays.equals(bv, e.getValue())) {
        out.put(e.getKey(), new DiffEntry(e.getKey(), e.getValue(), bv));
      }
    }
    for (Map.Entry<byte[], byte[]> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        out.put(e.getKey(), new DiffEntry(e.getKey(), null, e.getValue()));
      }
    }
    return new ArrayList<>(out.values());
  }

  @Test
  void smallChangeReadsFewChunks() {
    Random r = new Random(40);
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 200_000; i++) {
      model.put(intKey(i), randomValue(r, 50, 50));
    }
    ProllyMap base = build(store, model);
    MapEdits edits = new MapEdits();
    for (int i = 0; i < 10; i++) {
      edits.put(intKey(r.nextInt(200_000)), randomValue(r, 50, 50));
    }
    ProllyMap changed = base.edit(edits, store);
    CountingReader ra = new CountingReader(store);
    CountingReader rb = new CountingReader(store);
    Iterator<DiffEntry> it = ProllyMap.diff(ProllyMap.load(ra, base.root()), ProllyMap.load(rb, changed.root()));
    int n = 0;
    while (it.hasNext()) {
      assertTrue(it.next().isModified());
      n++;
    }
    assertEquals(10, n);
    long reads = ra.reads.get() + rb.reads.get() - 2; // minus the two roots opened by load
    assertTrue(reads <= 2L * 10 * base.depth(), "diff read " + reads + " chunks");
  }

  @Test
  void equalMapsHaveNoDiffAndEmptyMapDiffsEverything() {
    MemoryChunkStore store = new MemoryChunkStore();
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 3000; i++) {
      model.put(intKey(i), new byte[] {(byte) i});
    }
    ProllyMap m = build(store, model);
    assertFalse(ProllyMap.diff(m, ProllyMap.load(store, m.root())).hasNext());
    ProllyMap empty = ProllyMap.empty(store);
    List<DiffEntry> added = new ArrayList<>();
    ProllyMap.diff(empty, m).forEachRemaining(added::add);
    assertEquals(3000, added.size());
    assertTrue(added.stream().allMatch(DiffEntry::isAdded));
    int[] seen = {0};
    empty.diff(m, d -> {
      assertTrue(d.isRemoved());
      seen[0]++;
    });
    assertEquals(3000, seen[0]);
  }
}
