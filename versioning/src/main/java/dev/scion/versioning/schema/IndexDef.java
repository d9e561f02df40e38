package dev.scion.versioning.schema;

import java.util.List;

/**
 * A secondary index: a name, its columns in order, whether it is unique, and whether it is a FULLTEXT index (an
 * inverted index from each word of its text columns to the rows holding it; never unique).
 *
 * <p>{@code collatedKeys}: the entries key each text part by its collation's sort key and each prefixed part by
 * its prefix only, as MySQL compares them ({@link CollationKeys}), so uniqueness and order follow the collation
 * and a unique prefix index enforces the prefix. Indexes created before session 8 key whole values by their
 * bytes and keep doing so (false); the flag is only ever set where it changes a key (see
 * {@link #normalisedFor}), so an index without collated or prefixed parts encodes exactly as before.
 *
 * <p>{@code forForeignKey}: the index was made for a foreign key whose columns no index led with (MySQL's
 * generated index), so a later index that leads with the same columns replaces it, as in MySQL.
 */
public record IndexDef(String name, List<String> columns, boolean unique, boolean fulltext,
                       List<Integer> prefixLengths, boolean collatedKeys, boolean forForeignKey) {
    public IndexDef {
        columns = List.copyOf(columns);
        if (prefixLengths == null || prefixLengths.stream().allMatch(n -> n == 0)) {
            prefixLengths = List.of();
        } else if (prefixLengths.size() != columns.size()) {
            throw new IllegalArgumentException("one prefix length per key column");
        } else {
            prefixLengths = List.copyOf(prefixLengths);
        }
        if (unique && fulltext) {
            throw new IllegalArgumentException("a FULLTEXT index cannot be unique");
        }
        if (fulltext) {
            collatedKeys = false;
        }
    }

    public IndexDef(String name, List<String> columns, boolean unique, boolean fulltext,
                    List<Integer> prefixLengths, boolean collatedKeys) {
        this(name, columns, unique, fulltext, prefixLengths, collatedKeys, false);
    }

    /** This index marked as made for a foreign key (or not). */
    public IndexDef withForForeignKey(boolean made) {
        return new IndexDef(name, columns, unique, fulltext, prefixLengths, collatedKeys, made);
    }

    /**
     * Whether this index can stand in for {@code generated}, an index made for a foreign key: it leads with the
     * same columns, each whole (a prefix of a column cannot serve a foreign key).
     */
    public boolean supersedes(IndexDef generated) {
        if (fulltext || generated.columns.size() > columns.size()) {
            return false;
        }
        for (int i = 0; i < generated.columns.size(); i++) {
            if (!columns.get(i).equalsIgnoreCase(generated.columns.get(i)) || prefixLength(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** An index keyed by whole values' bytes (the format before collated keys). */
    public IndexDef(String name, List<String> columns, boolean unique, boolean fulltext,
                    List<Integer> prefixLengths) {
        this(name, columns, unique, fulltext, prefixLengths, false);
    }

    /** This index with collated keys, or without. */
    public IndexDef withCollatedKeys(boolean collated) {
        return new IndexDef(name, columns, unique, fulltext, prefixLengths, collated, forForeignKey);
    }

    /**
     * This index as it is kept in {@code schema}: the collated-keys flag stays only when some part is prefixed or
     * has a collation whose sort key differs from its bytes, so the flag never changes the encoding of an
     * index it does not affect.
     */
    public IndexDef normalisedFor(TableSchema schema) {
        if (!collatedKeys) {
            return this;
        }
        boolean matters = hasPrefix();
        for (String c : columns) {
            matters |= schema.column(c).map(col -> CollationKeys.sortKeyOf(col.type()) != null).orElse(false);
        }
        return matters ? this : withCollatedKeys(false);
    }

    /** An index without prefix lengths. */
    public IndexDef(String name, List<String> columns, boolean unique, boolean fulltext) {
        this(name, columns, unique, fulltext, List.of());
    }

    /**
     * The prefix length of key part {@code i} in characters ({@code KEY (c(10))}), or 0 when the whole value is
     * the key. An index without prefixes keeps an empty list, so it encodes as before prefixes existed.
     */
    public int prefixLength(int i) {
        return prefixLengths.isEmpty() ? 0 : prefixLengths.get(i);
    }

    public boolean hasPrefix() {
        return !prefixLengths.isEmpty();
    }

    /**
     * This index over other columns (a column renamed or dropped), of the same kind. A dropped column takes its
     * prefix length with it: callers pass the kept columns in order.
     */
    public IndexDef withColumns(List<String> newColumns) {
        if (prefixLengths.isEmpty() || newColumns.size() == columns.size()) {
            return new IndexDef(name, newColumns, unique, fulltext, prefixLengths, collatedKeys, forForeignKey);
        }
        List<Integer> kept = new java.util.ArrayList<>();
        for (String c : newColumns) {
            int i = indexOfIgnoreCase(c);
            kept.add(i < 0 ? 0 : prefixLengths.get(i));
        }
        return new IndexDef(name, newColumns, unique, fulltext, kept, collatedKeys, forForeignKey);
    }

    private int indexOfIgnoreCase(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** This index with key part {@code i} prefixed to {@code length} characters (0: the whole value). */
    public IndexDef withPrefixLength(int i, int length) {
        List<Integer> lengths = new java.util.ArrayList<>(prefixLengths.isEmpty()
                ? java.util.Collections.nCopies(columns.size(), 0) : prefixLengths);
        lengths.set(i, length);
        return new IndexDef(name, columns, unique, fulltext, lengths, collatedKeys, forForeignKey);
    }

    /** This index under another name. */
    public IndexDef withName(String newName) {
        return new IndexDef(newName, columns, unique, fulltext, prefixLengths, collatedKeys, forForeignKey);
    }

    /** How SHOW CREATE TABLE introduces it: {@code UNIQUE KEY}, {@code FULLTEXT KEY} or {@code KEY}. */
    public String keyword() {
        return unique ? "UNIQUE KEY" : fulltext ? "FULLTEXT KEY" : "KEY";
    }

    /** A B-tree index (unique or not). */
    public IndexDef(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, false);
    }
}
