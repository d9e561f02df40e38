package dev.scion.storage.prolly;

/**
 * Streams entries of a map in key order (or reverse), holding one path of nodes: O(depth) memory.
 *
 * <pre>
 *   try (ProllyCursor c = map.cursor(KeyRange.ALL, false)) {
 *     while (c.next()) { use(c.key(), c.value()); }
 *   }
 * </pre>
 */
public interface ProllyCursor extends AutoCloseable {
  /** Moves to the next entry; false when there are no more. */
  boolean next();

  /** The current key (a fresh copy). */
  byte[] key();

  /** The current value (a fresh copy). */
  byte[] value();

  /** Cursors hold no native resources; closing is optional. */
  @Override
  default void close() {}
}
