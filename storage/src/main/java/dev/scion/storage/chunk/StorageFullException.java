package dev.scion.storage.chunk;

/**
 * A write failed because the disk holding the store is full. Nothing of the failed write is visible; RocksDB
 * refuses further writes until space is free again (it then recovers on its own), while reads go on.
 */
public class StorageFullException extends StorageException {
  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
