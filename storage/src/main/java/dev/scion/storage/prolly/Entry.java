package dev.scion.storage.prolly;

/** One key/value pair of a map. */
public record Entry(byte[] key, byte[] value) {}
