package dev.scion.storage.gc;

/**
 * Supplies the roots garbage collection marks from: every ref value, working set and root that a live
 * session or transaction may still build on. Called twice per collection: once at the start, and once in
 * the final phase while writers are paused. It must not commit or wait for a writer.
 *
 * <p>A caller that holds a root (a transaction's snapshot) must report it here for as long as it may write
 * a tree sharing nodes with it; anything reachable from neither refs nor reported roots may be freed.
 */
@FunctionalInterface
public interface RootSource {
  void roots(ChildSink sink);
}
