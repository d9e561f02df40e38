package dev.scion.versioning.schema;

import java.util.List;

/**
 * A secondary index: a name, its columns in order, whether it is unique, and whether it is a FULLTEXT index (an
 * inverted index from each word of its text columns to the rows holding it; never unique).
 */
public record IndexDef(String name, List<String> columns, boolean unique, boolean fulltext) {
    public IndexDef {
        columns = List.copyOf(columns);
        if (unique && fulltext) {
            throw new IllegalArgumentException("a FULLTEXT index cannot be unique");
        }
    }

    /** This index over other columns (a column renamed or dropped), of the same kind. */
    public IndexDef withColumns(List<String> newColumns) {
        return new IndexDef(name, newColumns, unique, fulltext);
    }

    /** This index under another name. */
    public IndexDef withName(String newName) {
        return new IndexDef(newName, columns, unique, fulltext);
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
