package dev.scion.storage.chunk;

/** A ref compare-and-swap found a value other than the expected one; nothing of that commit was written. */
public class RefConflictException extends StorageException {
  private final String refName;

  public RefConflictException(String refName, String message) {
    super(message);
    this.refName = refName;
  }

  /** The ref whose check failed. */
  public String refName() {
    return refName;
  }
}
