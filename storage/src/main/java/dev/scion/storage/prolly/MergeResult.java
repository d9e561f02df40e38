package dev.scion.storage.prolly;

import java.util.List;

/** A merged map (holding ours for every conflicting key) and the conflicts, in key order. */
public record MergeResult(ProllyMap merged, List<MergeConflict> conflicts) {
  public MergeResult {
    conflicts = List.copyOf(conflicts);
  }

  public boolean hasConflicts() {
    return !conflicts.isEmpty();
  }
}
