package dev.scion.storage.prolly;

import dev.scion.storage.chunk.ChunkStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Three-way merge: applies the changes base -> theirs onto ours. A key theirs changed is taken from theirs
 * when ours still has the base value; left alone when ours made the same change; otherwise the collision
 * handler decides. Cost follows the size of theirs' change (one point read of ours per changed key).
 */
final class TreeMerger {
  private TreeMerger() {}

  static MergeResult merge(ProllyMap base, ProllyMap ours, ProllyMap theirs, ChunkStore out,
      MergeCollisionHandler handler) {
    if (ours.root().equals(theirs.root()) || base.root().equals(theirs.root())) {
      return new MergeResult(ours, List.of());
    }
    if (base.root().equals(ours.root())) {
      return new MergeResult(theirs, List.of());
    }
    MapEdits edits = new MapEdits();
    List<MergeConflict> conflicts = new ArrayList<>();
    Iterator<DiffEntry> changes = ProllyMap.diff(base, theirs);
    while (changes.hasNext()) {
      DiffEntry change = changes.next();
      byte[] key = change.key();
      byte[] baseValue = change.fromValue();
      byte[] theirValue = change.toValue();
      byte[] ourValue = ours.get(key);
      if (Arrays.equals(ourValue, baseValue)) {
        apply(edits, key, theirValue); // only theirs changed it
      } else if (!Arrays.equals(ourValue, theirValue)) {
        Resolution r = handler.resolve(key, baseValue, ourValue, theirValue);
        if (r.isConflict()) {
          conflicts.add(new MergeConflict(key, baseValue, ourValue, theirValue));
        } else if (!Arrays.equals(r.value(), ourValue)) {
          apply(edits, key, r.value());
        }
      }
    }
    ProllyMap merged = edits.isEmpty() ? ours : ours.edit(edits, out);
    return new MergeResult(merged, conflicts);
  }

  private static void apply(MapEdits edits, byte[] key, byte[] value) {
    if (value == null) {
      edits.delete(key);
    } else {
      edits.put(key, value);
    }
  }
}
