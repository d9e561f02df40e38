package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeTest {
  final MemoryChunkStore store = new MemoryChunkStore();

  private TreeMap<byte[], byte[]> baseModel(Random r) {
    TreeMap<byte[], byte[]> m = newModel();
    for (int i = 0; i < 10_000; i++) {
      m.put(intKey(i * 10L), randomValue(r, 5, 60));
    }
    return m;
  }

  /** Random changes to keys congruent to {@code residue} mod 3 (so two sides can be kept disjoint). */
  private static TreeMap<byte[], byte[]> change(TreeMap<byte[], byte[]> base, Random r, int residue, int n) {
    TreeMap<byte[], byte[]> m = new TreeMap<>(base);
    for (int i = 0; i < n; i++) {
      long k = r.nextInt(40_000) * 3L + residue;
      switch (r.nextInt(3)) {
        case 0 -> m.remove(intKey(k));
        default -> m.put(intKey(k), randomValue(r, 5, 60));
      }
    }
    return m;
  }

  @Test
  void mergeWithUnchangedSideReturnsTheOther() {
    Random r = new Random(1);
    TreeMap<byte[], byte[]> b = baseModel(r);
    ProllyMap base = build(store, b);
    ProllyMap x = build(store, change(b, r, 0, 500));
    assertEquals(x.root(), ProllyMap.merge(base, x, base, store, MergeCollisionHandler.ALWAYS_CONFLICT).merged().root());
    assertEquals(x.root(), ProllyMap.merge(base, base, x, store, MergeCollisionHandler.ALWAYS_CONFLICT).merged().root());
    assertEquals(x.root(), ProllyMap.merge(base, x, x, store, MergeCollisionHandler.ALWAYS_CONFLICT).merged().root());
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 3, 4})
  void disjointChangesMergeSymmetrically(long seed) {
    Random r = new Random(seed);
    TreeMap<byte[], byte[]> b = baseModel(r);
    TreeMap<byte[], byte[]> xm = change(b, r, 1, 800);
    TreeMap<byte[], byte[]> ym = change(b, r, 2, 800);
    ProllyMap base = build(store, b);
    ProllyMap x = build(store, xm);
    ProllyMap y = build(store, ym);
    MergeResult xy = ProllyMap.merge(base, x, y, store, MergeCollisionHandler.ALWAYS_CONFLICT);
    MergeResult yx = ProllyMap.merge(base, y, x, store, MergeCollisionHandler.ALWAYS_CONFLICT);
    assertFalse(xy.hasConflicts());
    assertFalse(yx.hasConflicts());
    assertEquals(xy.merged().root(), yx.merged().root());

    // Expected: base with both sides' changes applied.
    TreeMap<byte[], byte[]> expected = new TreeMap<>(xm);
    for (byte[] k : b.keySet()) {
      if (!ym.containsKey(k)) {
        expected.remove(k);
      }
    }
    ym.forEach((k, v) -> {
      if (!java.util.Arrays.equals(b.get(k), v)) {
        expected.put(k, v);
      }
    });
    assertEquals(build(store, expected).root(), xy.merged().root());
  }

  @Test
  void identicalChangesOnBothSidesAreNotCollisions() {
    Random r = new Random(5);
    TreeMap<byte[], byte[]> b = baseModel(r);
    TreeMap<byte[], byte[]> xm = new TreeMap<>(b);
    TreeMap<byte[], byte[]> ym = new TreeMap<>(b);
    xm.put(intKey(10), new byte[] {9});
    ym.put(intKey(10), new byte[] {9});
    xm.remove(intKey(20));
    ym.remove(intKey(20));
    ym.put(intKey(31), new byte[] {7}); // only theirs
    MergeResult res = ProllyMap.merge(build(store, b), build(store, xm), build(store, ym), store,
        (k, base, ours, theirs) -> fail("not a collision"));
    assertFalse(res.hasConflicts());
    assertArrayEquals(new byte[] {9}, res.merged().get(intKey(10)));
    assertNull(res.merged().get(intKey(20)));
    assertArrayEquals(new byte[] {7}, res.merged().get(intKey(31)));
  }

  @Test
  void collisionsGoToTheHandler() {
    Random r = new Random(6);
    TreeMap<byte[], byte[]> b = baseModel(r);
    TreeMap<byte[], byte[]> xm = new TreeMap<>(b);
    TreeMap<byte[], byte[]> ym = new TreeMap<>(b);
    xm.put(intKey(100), new byte[] {1});
    ym.put(intKey(100), new byte[] {2}); // both modified differently
    xm.put(intKey(200), new byte[] {1});
    ym.remove(intKey(200)); // modify vs delete
    xm.put(intKey(5), new byte[] {1});
    ym.put(intKey(5), new byte[] {2}); // both added differently
    ym.put(intKey(300), new byte[] {3}); // clean
    ProllyMap base = build(store, b);
    ProllyMap x = build(store, xm);
    ProllyMap y = build(store, ym);

    MergeResult conflicted = ProllyMap.merge(base, x, y, store, MergeCollisionHandler.ALWAYS_CONFLICT);
    assertEquals(3, conflicted.conflicts().size());
    MergeConflict first = conflicted.conflicts().get(0);
    assertArrayEquals(intKey(5), first.key());
    assertNull(first.base());
    assertArrayEquals(new byte[] {1}, first.ours());
    assertArrayEquals(new byte[] {2}, first.theirs());
    assertArrayEquals(new byte[] {1}, conflicted.merged().get(intKey(100)), "conflicts keep ours");
    assertArrayEquals(new byte[] {1}, conflicted.merged().get(intKey(200)));
    assertArrayEquals(new byte[] {3}, conflicted.merged().get(intKey(300)));

    MergeResult theirsWin = ProllyMap.merge(base, x, y, store,
        (k, bv, ov, tv) -> Resolution.use(tv));
    assertFalse(theirsWin.hasConflicts());
    assertArrayEquals(new byte[] {2}, theirsWin.merged().get(intKey(100)));
    assertNull(theirsWin.merged().get(intKey(200)));
    assertArrayEquals(new byte[] {2}, theirsWin.merged().get(intKey(5)));
    assertEquals(y.root(), theirsWin.merged().root(), "every collision resolved to theirs gives theirs");
  }
}
