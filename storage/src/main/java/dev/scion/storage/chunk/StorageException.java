package dev.scion.storage.chunk;

/** A failure of the storage layer: I/O errors, a locked database, corrupt or missing data. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
