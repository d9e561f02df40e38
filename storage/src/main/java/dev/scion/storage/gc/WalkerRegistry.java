package dev.scion.storage.gc;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The walker for each {@link ChunkKind}. Storage registers its own kinds ({@link #withStorageKinds});
 * modules above add theirs (commits, root values, tables) with {@link #register}. Thread-safe.
 */
public final class WalkerRegistry {
  private final Map<ChunkKind, ChunkWalker> walkers = new ConcurrentHashMap<>();

  /** A registry knowing prolly nodes with tuple values, blob nodes, and childless chunks. */
  public static WalkerRegistry withStorageKinds() {
    WalkerRegistry r = new WalkerRegistry();
    r.register(ChunkKind.PROLLY_NODE, ProllyNodeWalker.TUPLE_VALUES);
    r.register(ChunkKind.BLOB_NODE, BlobNodeWalker.INSTANCE);
    r.register(ChunkKind.LEAF, (address, chunk, out) -> {});
    return r;
  }

  /** Registers (or replaces) the walker for {@code kind}; returns this registry. */
  public WalkerRegistry register(ChunkKind kind, ChunkWalker walker) {
    walkers.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(walker, "walker"));
    return this;
  }

  /** The walker for {@code kind}; IllegalArgumentException if none is registered (never guess: that frees data). */
  public ChunkWalker walker(ChunkKind kind) {
    ChunkWalker w = walkers.get(kind);
    if (w == null) {
      throw new IllegalArgumentException("no garbage-collection walker registered for chunk kind " + kind.name());
    }
    return w;
  }
}
