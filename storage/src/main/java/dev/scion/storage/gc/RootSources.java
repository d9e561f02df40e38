package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import java.util.Map;

/** Ready-made root sources. */
public final class RootSources {
  private RootSources() {}

  /**
   * Every ref under {@code prefix} whose value is a 20-byte address, as a root of {@code kind}. Refs with
   * other values are skipped (they name no chunk).
   */
  public static RootSource refs(RocksChunkStore store, String prefix, ChunkKind kind) {
    return sink -> {
      for (Map.Entry<String, byte[]> e : store.listRefs(prefix).entrySet()) {
        if (e.getValue().length == Hash.LENGTH) {
          sink.child(Hash.fromBytes(e.getValue()), kind);
        }
      }
    };
  }

  /** Both sources' roots. */
  public static RootSource both(RootSource a, RootSource b) {
    return sink -> {
      a.roots(sink);
      b.roots(sink);
    };
  }
}
