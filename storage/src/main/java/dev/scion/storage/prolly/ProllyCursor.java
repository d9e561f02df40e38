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

  /**
   * The fields marked in {@code wanted} of the current value, decoded as {@code descriptor} describes them (see
   * {@link dev.scion.storage.tuple.TupleDescriptor#decodeWantedFields(byte[], boolean[])}). A tree cursor decodes
   * them where the value lies in its node: a scan does not copy each row's value out just to read it once.
   */
  default Object[] decodeValue(dev.scion.storage.tuple.TupleDescriptor descriptor, boolean[] wanted) {
    return descriptor.decodeWantedFields(value(), wanted);
  }

  /** Cursors hold no native resources; closing is optional. */
  @Override
  default void close() {}
}
