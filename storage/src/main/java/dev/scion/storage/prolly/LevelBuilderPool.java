package dev.scion.storage.prolly;

/**
 * Keeps one spare {@link LevelBuilder} per level per thread, so that small edits (one per SQL statement)
 * do not allocate and regrow node buffers every time. A builder is only reused once its tree is
 * finished, and taking one removes it from the pool, so concurrent or nested builds never share one.
 */
final class LevelBuilderPool {
  private static final int MAX_POOLED_LEVELS = 16;
  /** Builders with buffers beyond this (after a huge entry) are left to the GC. */
  private static final int MAX_POOLED_BYTES = 256 * 1024;
  private static final ThreadLocal<LevelBuilder[]> SPARE =
      ThreadLocal.withInitial(() -> new LevelBuilder[MAX_POOLED_LEVELS]);

  private LevelBuilderPool() {}

  static LevelBuilder take(int level) {
    if (level < MAX_POOLED_LEVELS) {
      LevelBuilder[] spare = SPARE.get();
      LevelBuilder b = spare[level];
      if (b != null) {
        spare[level] = null;
        return b;
      }
    }
    return new LevelBuilder(level);
  }

  static void give(LevelBuilder b) {
    if (b.level < MAX_POOLED_LEVELS && b.capacityBytes() <= MAX_POOLED_BYTES) {
      b.reset();
      SPARE.get()[b.level] = b;
    }
  }
}
