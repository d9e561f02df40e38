package dev.scion.storage.prolly;

/** A key the merge could not decide; null values mean absent on that side. */
public record MergeConflict(byte[] key, byte[] base, byte[] ours, byte[] theirs) {}
