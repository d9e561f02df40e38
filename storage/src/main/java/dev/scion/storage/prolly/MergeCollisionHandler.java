package dev.scion.storage.prolly;

/**
 * Decides a key that both sides of a three-way merge changed differently. Any argument may be null: the key
 * was absent in base, or deleted on that side. Typically merges cell by cell and reports a conflict when
 * the same cell changed on both sides.
 */
@FunctionalInterface
public interface MergeCollisionHandler {
  /** Reports every collision as a conflict. */
  MergeCollisionHandler ALWAYS_CONFLICT = (key, base, ours, theirs) -> Resolution.conflict();

  Resolution resolve(byte[] key, byte[] base, byte[] ours, byte[] theirs);
}
