package dev.scion.storage.tuple;

/**
 * Maps a string to bytes whose unsigned order is a collation's order (a "sort key"): two strings compare
 * under the collation as their sort keys compare with {@link KeyBytes#compare}, and strings the collation
 * deems equal give equal sort keys. Must be a pure function: keys written today are compared with keys
 * written years later.
 */
@FunctionalInterface
public interface SortKeyFunction {
  byte[] sortKey(String value);
}
