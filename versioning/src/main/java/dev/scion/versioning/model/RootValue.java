package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable database state: table name to table chunk hash. Names keep the case they were created with
 * and are looked up case-insensitively, as MySQL does with lower_case_table_names=1... for lookups only.
 */
public final class RootValue {
    private final SortedMap<String, Hash> tables;

    public RootValue(SortedMap<String, Hash> tables) {
        this.tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
    }

    public static RootValue empty() {
        return new RootValue(new TreeMap<>());
    }

    public SortedMap<String, Hash> tables() {
        return tables;
    }

    /** The stored name of a table, matched case-insensitively. */
    public Optional<String> resolveName(String name) {
        if (tables.containsKey(name)) {
            return Optional.of(name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : tables.keySet()) {
            if (k.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public Optional<Hash> table(String name) {
        return resolveName(name).map(tables::get);
    }

    public RootValue withTable(String name, Hash table) {
        TreeMap<String, Hash> next = new TreeMap<>(tables);
        resolveName(name).ifPresent(next::remove);
        next.put(name, table);
        return new RootValue(next);
    }

    public RootValue withoutTable(String name) {
        TreeMap<String, Hash> next = new TreeMap<>(tables);
        resolveName(name).ifPresent(next::remove);
        return new RootValue(next);
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.ROOT_VALUE);
        w.varInt(tables.size());
        for (Map.Entry<String, Hash> e : tables.entrySet()) {
            w.string(e.getKey()).hash(e.getValue());
        }
        return w.toByteArray();
    }

    public static RootValue decode(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.ROOT_VALUE);
        int n = r.varInt();
        TreeMap<String, Hash> t = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            t.put(r.string(), r.hash());
        }
        return new RootValue(t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootValue rv && rv.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }
}
