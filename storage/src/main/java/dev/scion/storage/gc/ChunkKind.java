package dev.scion.storage.gc;

import java.util.Objects;

/**
 * What a chunk is, as far as garbage collection cares: it selects the {@link ChunkWalker} that finds the
 * chunk's children. Chunks carry no self-describing type, so the kind travels with each reference: a root
 * is named with its kind, and a walker reports each child with the child's kind.
 *
 * @param name a unique name; storage uses the {@code storage.} prefix, other modules their own
 */
public record ChunkKind(String name) {
  /** A node of a {@link dev.scion.storage.prolly.ProllyMap} whose values are tuples (blob refs followed). */
  public static final ChunkKind PROLLY_NODE = new ChunkKind("storage.prolly");
  /** A node of a blob tree ({@link dev.scion.storage.blob.BlobTree}). */
  public static final ChunkKind BLOB_NODE = new ChunkKind("storage.blob");
  /** A chunk without children: marked, never parsed. */
  public static final ChunkKind LEAF = new ChunkKind("storage.leaf");

  public ChunkKind {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("kind name must not be empty");
    }
  }
}
