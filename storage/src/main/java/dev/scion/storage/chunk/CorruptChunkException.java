package dev.scion.storage.chunk;

import dev.scion.storage.Hash;

/** A chunk's bytes do not hash to the address it was given under. */
public class CorruptChunkException extends StorageException {
  private final Hash expected;
  private final Hash actual;

  public CorruptChunkException(Hash expected, Hash actual) {
    super("corrupt chunk: expected address " + expected + " but the bytes hash to " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public Hash expected() {
    return expected;
  }

  public Hash actual() {
    return actual;
  }
}
