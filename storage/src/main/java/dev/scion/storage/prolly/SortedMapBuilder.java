package dev.scion.storage.prolly;

import dev.scion.storage.chunk.ChunkStore;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a map from entries pushed one at a time in strictly ascending key order, writing each node as soon as
 * its boundary is found. For producers that cannot offer an iterator (rows arriving from another thread, a
 * stream that may turn out not to be sorted): {@link #accepts} says whether a key may come next, and
 * {@link #finish} gives the map of everything added so far. Memory stays O(depth) nodes.
 */
public final class SortedMapBuilder {
  private final ChunkStore out;
  private final TreeBuilder builder;
  private byte[] previous;
  private boolean finished;

  public SortedMapBuilder(ChunkStore out) {
    this.out = out;
    this.builder = new TreeBuilder(out, new NodeLoader(out));
  }

  /** True if {@code key} is above every key added so far, so {@link #add} will take it. */
  public boolean accepts(byte[] key) {
    return previous == null || Arrays.compareUnsigned(previous, key) < 0;
  }

  /** Adds an entry; IllegalArgumentException unless its key is above every key so far. */
  public void add(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (finished) {
      throw new IllegalStateException("the map is already built");
    }
    if (!accepts(key)) {
      throw new IllegalArgumentException("build needs strictly ascending keys");
    }
    builder.addLeaf(key, 0, key.length, value, 0, value.length);
    previous = key;
  }

  /** Writes the last nodes and returns the map; the builder takes no more entries. */
  public ProllyMap finish() {
    finished = true;
    return ProllyMap.load(out, builder.finish().address());
  }
}
