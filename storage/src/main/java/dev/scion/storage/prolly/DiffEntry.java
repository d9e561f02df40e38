package dev.scion.storage.prolly;

/**
 * One difference between two maps: {@code fromValue} null means the key was added, {@code toValue} null
 * means it was removed, both non-null means the value changed.
 */
public record DiffEntry(byte[] key, byte[] fromValue, byte[] toValue) {
  public boolean isAdded() {
    return fromValue == null;
  }

  public boolean isRemoved() {
    return toValue == null;
  }

  public boolean isModified() {
    return fromValue != null && toValue != null;
  }
}
