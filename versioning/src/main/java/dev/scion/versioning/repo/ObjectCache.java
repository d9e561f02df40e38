package dev.scion.versioning.repo;

import dev.scion.storage.Hash;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded versioning objects (commits, root values, table values, schemas, tags) by chunk address. Content
 * addressing means an entry can never be stale, only absent. Bounded: every commit makes a new root and table
 * value, so an unbounded map grows for the life of the server (a load of 4,575 CREATE TABLEs kept every root
 * version it made). When full, an arbitrary eighth of the entries is dropped; hot objects come straight back.
 */
final class ObjectCache {
    static final int DEFAULT_CAPACITY = 8192;

    private final ConcurrentHashMap<Hash, Object> map = new ConcurrentHashMap<>();
    private final int capacity;

    ObjectCache(int capacity) {
        this.capacity = capacity;
    }

    Object get(Hash h) {
        return map.get(h);
    }

    void put(Hash h, Object value) {
        map.put(h, value);
        trim();
    }

    Object computeIfAbsent(Hash h, Function<Hash, Object> load) {
        Object v = map.get(h);
        if (v != null) {
            return v;
        }
        v = load.apply(h);
        put(h, v);
        return v;
    }

    int size() {
        return map.size();
    }

    private void trim() {
        if (map.size() <= capacity) {
            return;
        }
        int drop = Math.max(1, capacity / 8);
        Iterator<Hash> it = map.keySet().iterator();
        while (drop-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
