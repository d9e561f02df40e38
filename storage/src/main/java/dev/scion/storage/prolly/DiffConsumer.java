package dev.scion.storage.prolly;

/** Receives differences in key order; returning false stops the diff early. */
@FunctionalInterface
public interface DiffConsumer {
  boolean accept(DiffEntry entry);
}
