package dev.scion.storage.gc;

/**
 * Readers that may hold roots a collection never saw. A reader that read a ref just before the collection
 * listed its roots can hold a value the ref has since moved past, and keep reading that value's chunks:
 * they are neither marked nor recorded by the barrier. The collection raises a fence while it lists its
 * roots and, before deleting anything, waits for every reader that started before the fence. Readers that
 * start later can only see ref values current at or after the listing: marked, or written under the barrier.
 * A reader older than the fence may also name such a value in a ref it writes before it ends, so the collection
 * lists its roots once more after the wait.
 */
public interface ReaderFence {
  /** A fence for callers whose readers all pin what they read (tests, single-user tools). */
  ReaderFence NONE = new ReaderFence() {
    @Override
    public long raise() {
      return 0;
    }

    @Override
    public boolean awaitReadersBefore(long fence) {
      return true;
    }
  };

  /** Called while writers are paused, as the collection lists its roots; returns the fence's number. */
  long raise();

  /**
   * Blocks until no reader that started before {@code fence} is still running (the caller's own reader
   * excepted). Returns false if some still are after the implementation's bound: the collection then
   * deletes nothing.
   */
  boolean awaitReadersBefore(long fence);

  /**
   * As {@link #awaitReadersBefore(long)}, giving up after at most {@code boundNanos} (a nursery drain, which
   * keeps everything rather than stall the commits that wait for it). By default the implementation's own bound.
   */
  default boolean awaitReadersBefore(long fence, long boundNanos) {
    return awaitReadersBefore(fence);
  }
}
