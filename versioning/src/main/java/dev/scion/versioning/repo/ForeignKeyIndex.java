package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;

/**
 * For one root value: the foreign keys that reference each table (its children). Every write to a parent table
 * needs them; finding them by reading every table's schema cost O(tables) per write. The index is built once per
 * root and carried to the next root by looking only at the tables that changed between the two.
 */
public final class ForeignKeyIndex {
    /** A foreign key of table {@code child} (whose schema is {@code schema}) referencing the indexed table. */
    public record Reference(String child, TableSchema schema, ForeignKeyDef key) {
    }

    /** A table that has foreign keys: its stored name and schema. */
    private record ChildTable(String name, TableSchema schema) {
    }

    /** Lower-cased referenced table name to the references to it. */
    private final Map<String, List<Reference>> byParent;
    /** Lower-cased name of each table that has foreign keys. */
    private final Map<String, ChildTable> children;

    private ForeignKeyIndex(Map<String, List<Reference>> byParent, Map<String, ChildTable> children) {
        this.byParent = byParent;
        this.children = children;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The foreign keys referencing {@code table} (matched case-insensitively), in child name order. */
    public List<Reference> childrenOf(String table) {
        return byParent.getOrDefault(key(table), List.of());
    }

    /** Reads every table of {@code root}. */
    static ForeignKeyIndex build(RootValue root, Function<Hash, TableValue> tables) {
        Map<String, ChildTable> children = new HashMap<>();
        root.tables().forEach((name, hash) -> {
            TableSchema s = tables.apply(hash).schema();
            if (!s.foreignKeys().isEmpty()) {
                children.put(key(name), new ChildTable(name, s));
            }
        });
        return of(children);
    }

    /**
     * This index carried to {@code next}, a root that differs from this index's root only in the tables named
     * {@code changed} (a name absent from {@code next} was dropped). Only the changed tables are read.
     */
    ForeignKeyIndex update(RootValue next, Set<String> changed, Function<Hash, TableValue> tables) {
        Map<String, ChildTable> updated = null;
        for (String name : changed) {
            Hash h = next.tableHash(name);
            TableSchema schema = h == null ? null : tables.apply(h).schema();
            ChildTable now = schema == null || schema.foreignKeys().isEmpty() ? null
                    : new ChildTable(next.resolveName(name).orElse(name), schema);
            String k = key(name);
            if (Objects.equals(children.get(k), now)) {
                continue; // a row write: the table's foreign keys are what they were
            }
            if (updated == null) {
                updated = new HashMap<>(children);
            }
            if (now == null) {
                updated.remove(k);
            } else {
                updated.put(k, now);
            }
        }
        return updated == null ? this : of(updated);
    }

    private static ForeignKeyIndex of(Map<String, ChildTable> children) {
        Map<String, List<Reference>> byParent = new HashMap<>();
        // child name order, as reading the root's tables in order gave before the index existed
        new TreeMap<>(children).values().stream()
                .sorted(java.util.Comparator.comparing(ChildTable::name))
                .forEach(c -> {
                    for (ForeignKeyDef fk : c.schema().foreignKeys()) {
                        byParent.computeIfAbsent(key(fk.referencedTable()), p -> new ArrayList<>())
                                .add(new Reference(c.name(), c.schema(), fk));
                    }
                });
        byParent.replaceAll((p, refs) -> List.copyOf(refs));
        return new ForeignKeyIndex(Map.copyOf(byParent), Map.copyOf(children));
    }
}
