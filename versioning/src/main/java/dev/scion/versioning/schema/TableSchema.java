package dev.scion.versioning.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns, primary key, secondary indexes, CHECK constraints and foreign keys of a table. A table without a
 * primary key is "keyless": its rows are keyed by their content hash and carry a duplicate count.
 *
 * <p>{@code collatedPrimaryKey}: the row keys hold the collation's sort key of each primary-key text column whose
 * collation has one (and the row value keeps the text), so a {@code _ci} primary key refuses 'A' next to 'a'
 * (docs/storage-format.md, "Collated primary keys"). Set for tables created or rewritten from session 9 on; only
 * ever true when some key column has a sort key, so other tables encode exactly as before.
 *
 * <p>{@code comment}: the table's COMMENT, null when it has none (an empty COMMENT = '' removes it, as in MySQL).
 */
public record TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes,
                          List<CheckDef> checks, List<ForeignKeyDef> foreignKeys, String collation,
                          boolean collatedPrimaryKey, String comment) {

    public TableSchema {
        comment = comment == null || comment.isEmpty() ? null : comment;
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        checks = checks == null ? List.of() : List.copyOf(checks);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        collatedPrimaryKey = collatedPrimaryKey && hasSortKeyedKeyColumn(columns, primaryKey);
    }

    /** A schema without a table comment. */
    public TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes,
                       List<CheckDef> checks, List<ForeignKeyDef> foreignKeys, String collation,
                       boolean collatedPrimaryKey) {
        this(columns, primaryKey, indexes, checks, foreignKeys, collation, collatedPrimaryKey, null);
    }

    /** A schema whose row keys hold whole values' bytes (tables written before collated primary keys). */
    public TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes,
                       List<CheckDef> checks, List<ForeignKeyDef> foreignKeys, String collation) {
        this(columns, primaryKey, indexes, checks, foreignKeys, collation, false);
    }

    private static boolean hasSortKeyedKeyColumn(List<Column> columns, List<String> primaryKey) {
        for (String k : primaryKey) {
            for (Column c : columns) {
                if (c.name().equalsIgnoreCase(k) && CollationKeys.sortKeyOf(c.type()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same schema with row keys by collation sort key (kept only where a key column has one) or by bytes. */
    public TableSchema withCollatedPrimaryKey(boolean collated) {
        return new TableSchema(columns, primaryKey, indexes, checks, foreignKeys, collation, collated, comment);
    }

    /** The same schema with another table comment (null or empty: none). */
    public TableSchema withComment(String newComment) {
        return new TableSchema(columns, primaryKey, indexes, checks, foreignKeys, collation, collatedPrimaryKey,
                newComment);
    }

    /** A schema with the default table collation ({@code utf8mb4_0900_bin}). */
    public TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes,
                       List<CheckDef> checks, List<ForeignKeyDef> foreignKeys) {
        this(columns, primaryKey, indexes, checks, foreignKeys, null);
    }

    /**
     * The same schema with another table collation (the default for columns added later; null: the default
     * {@code utf8mb4_0900_bin}).
     */
    public TableSchema withCollation(String newCollation) {
        return new TableSchema(columns, primaryKey, indexes, checks, foreignKeys, newCollation, collatedPrimaryKey,
                comment);
    }

    /** A schema without CHECK constraints or foreign keys. */
    public TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes) {
        this(columns, primaryKey, indexes, List.of(), List.of());
    }

    /** A schema without foreign keys. */
    public TableSchema(List<Column> columns, List<String> primaryKey, List<IndexDef> indexes,
                       List<CheckDef> checks) {
        this(columns, primaryKey, indexes, checks, List.of());
    }

    public boolean isKeyless() {
        return primaryKey.isEmpty();
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Column> column(String name) {
        int i = columnIndex(name);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** Positions of the primary key columns within {@link #columns()}. */
    public int[] primaryKeyIndexes() {
        int[] out = new int[primaryKey.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columnIndex(primaryKey.get(i));
        }
        return out;
    }

    /** Positions of the non-key columns within {@link #columns()}, in declaration order. */
    public int[] valueIndexes() {
        List<Integer> pk = new ArrayList<>();
        for (int i : primaryKeyIndexes()) {
            pk.add(i);
        }
        int[] out = new int[columns.size() - pk.size()];
        int n = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (!pk.contains(i)) {
                out[n++] = i;
            }
        }
        return out;
    }

    /**
     * Positions of the columns users see, in order: every column but the hidden ones of functional key parts
     * ({@link Column#hidden}), which an INSERT without a column list or {@code SELECT *} leaves out.
     */
    public int[] visibleColumnIndexes() {
        int n = 0;
        int[] out = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).hidden()) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    public Optional<Column> autoIncrementColumn() {
        return columns.stream().filter(Column::autoIncrement).findFirst();
    }

    public boolean hasIndex(String name) {
        return indexes.stream().anyMatch(i -> i.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }
}
