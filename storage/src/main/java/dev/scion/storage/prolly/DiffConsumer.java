package dev.scion.storage.prolly;

/** Receives differences in key order (use {@link ProllyMap#diff(ProllyMap, ProllyMap)} to stop early). */
@FunctionalInterface
public interface DiffConsumer {
  void accept(DiffEntry entry);
}
