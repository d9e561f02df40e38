package dev.scion.storage.blob;

import dev.scion.storage.Hash;
import java.util.Objects;

/**
 * A stored byte sequence: the root of its blob tree and its length in bytes.
 *
 * @param root the blob tree's root chunk
 * @param length bytes in the blob
 */
public record BlobRef(Hash root, long length) {
  public BlobRef {
    Objects.requireNonNull(root, "root");
    if (length < 0) {
      throw new IllegalArgumentException("negative blob length " + length);
    }
  }
}
