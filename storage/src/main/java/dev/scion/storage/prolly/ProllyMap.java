package dev.scion.storage.prolly;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable sorted map from byte[] keys to byte[] values (keys in {@link
 * dev.scion.storage.tuple.KeyBytes} order), stored as a prolly tree: a B-tree whose node boundaries are
 * chosen from the keys themselves, so the same entries always form the same tree and root hash whatever
 * sequence of edits produced them. Versions share unchanged nodes; diffs skip them.
 *
 * <p>A map is a root address plus the reader its nodes come from. Thread-safe.
 */
public final class ProllyMap {
  private final NodeLoader loader;
  private final Hash root;
  private final Node rootNode;

  private ProllyMap(ChunkReader store, Hash root, Node rootNode) {
    this.loader = new NodeLoader(store);
    this.root = root;
    this.rootNode = rootNode;
  }

  /** The empty map; its single empty leaf is written to {@code store}. */
  public static ProllyMap empty(ChunkStore store) {
    return build(store, java.util.Collections.emptyIterator());
  }

  /** The map whose root node is stored under {@code root}. */
  public static ProllyMap load(ChunkReader store, Hash root) {
    Objects.requireNonNull(root, "root");
    return new ProllyMap(store, root, new NodeLoader(store).load(root));
  }

  /**
   * Builds a map from entries in strictly ascending key order (throws IllegalArgumentException otherwise),
   * writing its nodes to {@code out}. Streams: memory stays O(depth) nodes.
   */
  public static ProllyMap build(ChunkStore out, Iterator<? extends Map.Entry<byte[], byte[]>> sortedEntries) {
    SortedMapBuilder builder = new SortedMapBuilder(out);
    while (sortedEntries.hasNext()) {
      Map.Entry<byte[], byte[]> e = sortedEntries.next();
      builder.add(e.getKey(), e.getValue());
    }
    return builder.finish();
  }

  /** The root node's address: equal roots mean equal maps. */
  /**
   * This map reading its nodes through {@code reader} instead (which must hold them: e.g. the store a transaction's
   * buffer was committed to), keeping the root node already parsed.
   */
  public ProllyMap readingFrom(ChunkReader reader) {
    return reader == loader.store ? this : new ProllyMap(reader, root, rootNode);
  }

  public Hash root() {
    return root;
  }

  /** The reader this map's nodes come from. */
  public ChunkReader store() {
    return loader.store;
  }

  /** Number of entries, read from the root in O(1). */
  public long count() {
    return rootNode.totalCount();
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  /** Levels in the tree: 1 for a single leaf. */
  public int depth() {
    return rootNode.level + 1;
  }

  // ---- point reads ----

  /** The value stored under {@code key}, or null. */
  public byte[] get(byte[] key) {
    Node node = rootNode;
    while (!node.isLeaf()) {
      int i = node.lowerBound(key); // first child whose last key >= key
      if (i == node.n) {
        return null;
      }
      node = loader.load(node.child(i));
    }
    int i = node.find(key);
    return i < 0 ? null : node.value(i);
  }

  public boolean contains(byte[] key) {
    Node node = rootNode;
    while (!node.isLeaf()) {
      int i = node.lowerBound(key);
      if (i == node.n) {
        return false;
      }
      node = loader.load(node.child(i));
    }
    return node.find(key) >= 0;
  }

  // ---- ordered access ----

  /** A streaming cursor over {@code range}, ascending or (if {@code reverse}) descending. */
  public ProllyCursor cursor(KeyRange range, boolean reverse) {
    return TreeCursor.range(loader, rootNode, range, reverse);
  }

  /** A cursor over every entry in ascending order. */
  public ProllyCursor cursor() {
    return cursor(KeyRange.ALL, false);
  }

  /** An ascending cursor starting at the entry with position {@code ordinal} (0-based). */
  public ProllyCursor seekOrdinal(long ordinal) {
    return TreeCursor.atOrdinal(loader, rootNode, ordinal);
  }

  /** The number of entries with keys below {@code key} (its position, if present). */
  public long ordinalOf(byte[] key) {
    long before = 0;
    Node node = rootNode;
    while (!node.isLeaf()) {
      int i = node.lowerBound(key);
      if (i == node.n) {
        return before + node.totalCount();
      }
      if (i > 0) {
        before += node.cumulativeCount(i - 1);
      }
      node = loader.load(node.child(i));
    }
    return before + node.lowerBound(key);
  }

  /**
   * The number of entries in each leaf node, in key order. Leaves are the map's content-defined pieces, so they
   * serve as histogram buckets that stay put when rows elsewhere change. Reads the internal nodes only.
   */
  public long[] leafCounts() {
    java.util.List<Long> counts = new java.util.ArrayList<>();
    collectLeafCounts(rootNode, counts);
    return counts.stream().mapToLong(Long::longValue).toArray();
  }

  private void collectLeafCounts(Node node, java.util.List<Long> counts) {
    if (node.isLeaf()) {
      counts.add((long) node.n);
      return;
    }
    for (int i = 0; i < node.n; i++) {
      if (node.level == 1) {
        counts.add(node.childCount(i));
      } else {
        collectLeafCounts(loader.load(node.child(i)), counts);
      }
    }
  }

  /** The entry at position {@code ordinal}; IndexOutOfBoundsException if there is none. */
  public Entry getAt(long ordinal) {
    if (ordinal < 0 || ordinal >= count()) {
      throw new IndexOutOfBoundsException("ordinal " + ordinal + " of " + count());
    }
    long rest = ordinal;
    Node node = rootNode;
    while (!node.isLeaf()) {
      int i = node.childForOrdinal(rest);
      if (i > 0) {
        rest -= node.cumulativeCount(i - 1);
      }
      node = loader.load(node.child(i));
    }
    int i = (int) rest;
    return new Entry(node.key(i), node.value(i));
  }

  // ---- writes ----

  /**
   * Applies {@code edits} in one pass and returns the new map; new nodes go to {@code out}, untouched
   * nodes are shared. The result is identical (same root) to building the resulting entries from scratch.
   * {@code out} must be able to read this map's chunks too (normally a ChunkBuffer over this map's store,
   * or that store itself): the new map reads from it.
   */
  public ProllyMap edit(MapEdits edits, ChunkStore out) {
    if (edits.isEmpty()) {
      return this;
    }
    NodeLoader both = new NodeLoader(new FirstOf(out, loader.store));
    Hash patched = edits.sameLengthReplacements() ? ValuePatch.apply(root, rootNode, loader, edits, out)
        : edits.changesKnown() ? null : ValuePatch.tryApply(root, rootNode, loader, edits, out);
    if (patched != null) {
      return patched.equals(root) ? this : new ProllyMap(out, patched, both.load(patched));
    }
    TreeBuilder builder = new TreeBuilder(out, both);
    NodeRef ref = new TreeEditor(loader, builder, edits).apply(rootNode);
    if (ref == null || ref.address().equals(root)) {
      return this;
    }
    return new ProllyMap(out, ref.address(), both.load(ref.address()));
  }

  /**
   * How many edits, in this process, were applied by patching node bytes (every edit replaced a value with one of
   * the same length) instead of rebuilding the edited nodes: an operation count for regression checks.
   */
  public static long editsPatchedInPlace() {
    return ValuePatch.APPLIED.sum();
  }

  /**
   * How many lookups, in this process, edits made only to find out how to apply themselves (whether an edit changes
   * the tree, whether it replaces a value with one of the same length): a root-to-leaf walk each, which a batch
   * {@link MapEdits#knownToChange known to change} the map skips. An operation count for regression checks.
   */
  public static long editLookups() {
    return TreeEditor.EFFECT_LOOKUPS.sum() + ValuePatch.PROBES.sum();
  }

  // ---- diff and merge ----

  /** The differences from {@code from} to {@code to}, streamed in key order. */
  public static Iterator<DiffEntry> diff(ProllyMap from, ProllyMap to) {
    return new TreeDiffer(from.loader, from.rootNode, to.loader, to.rootNode, from.root.equals(to.root));
  }

  /** Streams the differences from {@code from} to this map into {@code consumer}, in key order. */
  public void diff(ProllyMap from, DiffConsumer consumer) {
    Iterator<DiffEntry> it = diff(from, this);
    while (it.hasNext()) {
      consumer.accept(it.next());
    }
  }

  /**
   * Three-way merge of {@code theirs} into {@code ours} relative to {@code base}. A key changed on one side
   * only takes that change; identical changes on both sides are no collision; other keys changed on both
   * sides go to {@code handler}. New nodes are written to {@code out} (which must read ours' chunks).
   */
  public static MergeResult merge(ProllyMap base, ProllyMap ours, ProllyMap theirs, ChunkStore out,
      MergeCollisionHandler handler) {
    return TreeMerger.merge(base, ours, theirs, out, handler);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProllyMap m && m.root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return "ProllyMap{root=" + root + ", count=" + count() + ", depth=" + depth() + "}";
  }

  /** Reads from the first reader, falling back to the second (new nodes, then the old tree's). */
  private record FirstOf(ChunkReader first, ChunkReader second) implements ChunkReader {
    @Override
    public byte[] get(Hash h) {
      byte[] b = first.get(h);
      return b != null || first == second ? b : second.get(h);
    }

    @Override
    public boolean has(Hash h) {
      return first.has(h) || (first != second && second.has(h));
    }
  }
}
