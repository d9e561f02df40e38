package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyNodes;
import dev.scion.storage.tuple.OutOfLineValues;

/**
 * Walks prolly tree nodes: an internal node's children are prolly nodes of the same kind; a leaf's values
 * are handed to a {@link ValueRefs} that reports what they refer to. The default one follows the blob
 * references of out-of-line tuple fields; a module that stores other addresses in values (a map of table
 * name to table chunk, say) registers its own kind with a walker built by {@link #ProllyNodeWalker}.
 */
public final class ProllyNodeWalker implements ChunkWalker {
  /** Reports the chunks a leaf value refers to. */
  @FunctionalInterface
  public interface ValueRefs {
    void refs(byte[] leafChunk, int valueStart, int valueEnd, ChildSink out);
  }

  /** Prolly maps whose values are tuples; out-of-line fields are followed into their blob trees. */
  public static final ProllyNodeWalker TUPLE_VALUES = new ProllyNodeWalker(ChunkKind.PROLLY_NODE,
      (b, start, end, out) -> OutOfLineValues.forEachBlob(b, start, end, h -> out.child(h, ChunkKind.BLOB_NODE)));

  private final ChunkKind self;
  private final ValueRefs valueRefs;

  /**
   * @param self the kind reported for child nodes (the kind this walker is registered under)
   * @param valueRefs what leaf values refer to
   */
  public ProllyNodeWalker(ChunkKind self, ValueRefs valueRefs) {
    this.self = self;
    this.valueRefs = valueRefs;
  }

  @Override
  public void children(Hash address, byte[] chunk, ChildSink out) {
    ProllyNodes.forEachReference(address, chunk,
        child -> out.child(child, self),
        (start, end) -> valueRefs.refs(chunk, start, end, out));
  }
}
