package dev.scion.versioning.repo;

import dev.scion.storage.Hash;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded versioning objects (commits, root values, table values, schemas, tags) by chunk address. Content
 * addressing means an entry can never be stale, only absent. Bounded: every commit makes a new root and table
 * value, so an unbounded map grows for the life of the server (a load of 4,575 CREATE TABLEs kept every root
 * version it made).
 *
 * <p>Two generations of half the capacity each: new entries go to the young one; when it is full it becomes the old
 * one and the old one is dropped. A hit in the old generation copies the object to the young one, so hot objects
 * stay and one not asked for during a whole generation goes. This replaced dropping an arbitrary eighth of one map
 * when full, whose iterator walked the start of the table, emptied by the evictions before, on every eviction
 * (about 2% of a one-row INSERT's CPU, docs/performance.md round 25); a rotation here costs one new map.
 */
final class ObjectCache {
    static final int DEFAULT_CAPACITY = 8192;

    private final int generationSize;
    private volatile ConcurrentHashMap<Hash, Object> young;
    private volatile ConcurrentHashMap<Hash, Object> old = new ConcurrentHashMap<>();

    ObjectCache(int capacity) {
        this.generationSize = Math.max(1, capacity / 2);
        this.young = new ConcurrentHashMap<>(generationSize);
    }

    Object get(Hash h) {
        Object v = young.get(h);
        if (v == null) {
            v = old.get(h);
            if (v != null) {
                put(h, v);
            }
        }
        return v;
    }

    /** A put racing with a rotation may land in the generation being retired: a later miss, never a wrong object. */
    void put(Hash h, Object value) {
        ConcurrentHashMap<Hash, Object> y = young;
        y.put(h, value);
        if (y.size() >= generationSize) {
            rotate(y);
        }
    }

    Object computeIfAbsent(Hash h, Function<Hash, Object> load) {
        Object v = get(h);
        if (v != null) {
            return v;
        }
        v = load.apply(h);
        put(h, v);
        return v;
    }

    /** Entries held (an object copied to the young generation and still in the old one counts twice). */
    int size() {
        return young.size() + old.size();
    }

    private synchronized void rotate(ConcurrentHashMap<Hash, Object> full) {
        if (young == full) {
            old = full;
            young = new ConcurrentHashMap<>(generationSize);
        }
    }
}
