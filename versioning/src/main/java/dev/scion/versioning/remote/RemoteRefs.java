package dev.scion.versioning.remote;

import dev.scion.storage.Hash;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A remote's refs: full ref names ({@code refs/heads/main}, {@code refs/tags/v1}) to their values, and the
 * branch a clone checks out.
 */
public record RemoteRefs(SortedMap<String, Hash> refs, String defaultBranch) {
    public static final String HEADS = "refs/heads/";
    public static final String TAGS = "refs/tags/";

    public RemoteRefs {
        refs = Collections.unmodifiableSortedMap(new TreeMap<>(refs));
    }

    /** Branch name to head commit. */
    public SortedMap<String, Hash> branches() {
        return strip(HEADS);
    }

    /** Tag name to commit or tag object. */
    public SortedMap<String, Hash> tags() {
        return strip(TAGS);
    }

    public Hash branch(String name) {
        return refs.get(HEADS + name);
    }

    private SortedMap<String, Hash> strip(String prefix) {
        SortedMap<String, Hash> out = new TreeMap<>();
        refs.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
