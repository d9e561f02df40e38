package dev.scion.storage.chunk;

import dev.scion.storage.Hash;

/** A chunk that a structure refers to is not in the store (a broken reference, or the wrong store). */
public class MissingChunkException extends StorageException {
  private final Hash address;

  public MissingChunkException(Hash address) {
    super("chunk " + address + " is missing from the store");
    this.address = address;
  }

  public Hash address() {
    return address;
  }
}
