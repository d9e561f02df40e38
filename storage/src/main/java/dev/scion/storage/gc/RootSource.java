package dev.scion.storage.gc;

/**
 * Supplies the roots garbage collection marks from: every ref value, working set and root that a live
 * session or transaction may still build on. Called twice per collection: once at the start, and once in
 * the final phase while writers are paused. It must not commit or wait for a writer.
 *
 * <p>A caller that holds a root (a transaction's snapshot) must report it here for as long as it may read
 * it or write a tree sharing nodes with it; anything reachable from neither refs nor reported roots may be
 * freed. Taking a snapshot (reading the ref and registering the root) must be atomic with respect to this
 * source's listing, e.g. under one lock: otherwise a root read just before its ref moves on, and
 * registered just after the listing, is covered by neither.
 */
@FunctionalInterface
public interface RootSource {
  void roots(ChildSink sink);
}
