package dev.scion.storage.prolly;

/**
 * What a {@link MergeCollisionHandler} decided for a key both sides changed: use a value (null deletes
 * the key), or report a conflict (the merge keeps ours and lists the conflict).
 */
public final class Resolution {
  private static final Resolution CONFLICT = new Resolution(true, null);
  private static final Resolution DELETE = new Resolution(false, null);

  private final boolean conflict;
  private final byte[] value;

  private Resolution(boolean conflict, byte[] value) {
    this.conflict = conflict;
    this.value = value;
  }

  /** Resolve to {@code value}; null deletes the key. */
  public static Resolution use(byte[] value) {
    return value == null ? DELETE : new Resolution(false, value);
  }

  public static Resolution delete() {
    return DELETE;
  }

  public static Resolution conflict() {
    return CONFLICT;
  }

  public boolean isConflict() {
    return conflict;
  }

  /** The chosen value (null = delete); meaningless for a conflict. */
  public byte[] value() {
    return value;
  }
}
