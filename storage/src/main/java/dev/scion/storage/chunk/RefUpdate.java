package dev.scion.storage.chunk;

import java.util.Objects;

/**
 * One change to a named ref inside a {@link RocksChunkStore#commit}.
 *
 * @param name the ref name (stored as UTF-8)
 * @param expected when {@code checkExpected}, the value the ref must hold now; null means "must not exist"
 * @param newValue the value to store; null deletes the ref
 * @param checkExpected whether this is a compare-and-swap
 */
public record RefUpdate(String name, byte[] expected, byte[] newValue, boolean checkExpected) {
  public RefUpdate {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("ref name must not be empty");
    }
  }

  /** Unconditionally sets {@code name} to {@code value}. */
  public static RefUpdate set(String name, byte[] value) {
    return new RefUpdate(name, null, Objects.requireNonNull(value, "value"), false);
  }

  /**
   * Sets {@code name} to {@code newValue} (null deletes) only if it currently holds {@code expected}
   * (null: only if it does not exist).
   */
  public static RefUpdate cas(String name, byte[] expected, byte[] newValue) {
    return new RefUpdate(name, expected, newValue, true);
  }

  /** Unconditionally deletes {@code name}. */
  public static RefUpdate delete(String name) {
    return new RefUpdate(name, null, null, false);
  }

  public boolean isDelete() {
    return newValue == null;
  }
}
