package dev.scion.storage.chunk;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The names of the refs under a prefix as last listed from RocksDB, kept until a write group creates or deletes a
 * ref. Every transaction lists its database's branches at BEGIN, and a write workload changes a ref at every
 * commit, so a cache keyed on any ref change never hits; the set of names, though, changes only when a branch, tag or
 * working set comes or goes. Listing them took a RocksDB iterator (about 5% of a write transaction's CPU).
 *
 * <p>Only the store's group writer reports changes, after the group's ref values are in the store's value cache,
 * so a listing taken at the reported version names every ref that exists then. Ref-log entries are written
 * beside the group's refs without being reported, so prefixes that reach into the ref log are never cached.
 */
final class RefNameListings {
  private record Listing(long version, List<String> names) {}

  private final String uncachedPrefix;
  private final AtomicLong version = new AtomicLong();
  private final ConcurrentHashMap<String, Listing> listings = new ConcurrentHashMap<>();

  /** {@code uncachedPrefix}: the ref-log prefix, whose entries the group writer does not report. */
  RefNameListings(String uncachedPrefix) {
    this.uncachedPrefix = uncachedPrefix;
  }

  /** The version a listing about to be read from RocksDB is taken at (pass it to {@link #remember}). */
  long version() {
    return version.get();
  }

  /** The names under {@code prefix} if they were listed since the last creation or deletion of a ref; else null. */
  List<String> names(String prefix) {
    Listing l = listings.get(prefix);
    return l != null && l.version() == version.get() ? l.names() : null;
  }

  /** Keeps a listing read from RocksDB, unless a ref was created or deleted since {@code versionBefore}. */
  void remember(String prefix, long versionBefore, List<String> names) {
    if (cacheable(prefix) && version.get() == versionBefore) {
      listings.put(prefix, new Listing(versionBefore, List.copyOf(names)));
    }
  }

  /** A write group created or deleted a ref (or may have: it could not tell whether the ref existed). */
  void namesChanged() {
    version.incrementAndGet();
  }

  private boolean cacheable(String prefix) {
    return !prefix.isEmpty() && !prefix.startsWith(uncachedPrefix) && !uncachedPrefix.startsWith(prefix);
  }
}
