package dev.scion.storage.gc;

import dev.scion.storage.chunk.StorageException;

/** A collection gave up before deleting anything because readers it must wait for kept running. */
public final class GcPostponedException extends StorageException {
  public GcPostponedException(String message) {
    super(message);
  }
}
