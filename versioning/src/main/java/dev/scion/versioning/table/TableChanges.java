package dev.scion.versioning.table;

import dev.scion.versioning.model.TableValue;

import java.util.List;

/**
 * What a {@link TableEditor}'s pending writes change in the table value it started from ({@link
 * TableEditor#pendingChanges}): the rows whose stored value differs, with both versions, and per secondary index the
 * entries added or removed. Writes that cancel out (a row updated and set back, an entry deleted that the tree
 * never held) are not changes. A transaction commit replays these onto the branch's current table instead of
 * building the transaction's own trees and diffing them against its snapshot (docs/versioned-sql.md, "A transaction
 * of deferred one-row writes is replayed at COMMIT").
 */
public final class TableChanges {
    /** A changed row: its key and its stored value before and after (null where absent). */
    public record Row(byte[] key, byte[] before, byte[] after) {
    }

    /** One index's changed entries in key order; a null value removes the entry. */
    public record IndexEntries(String index, List<byte[]> keys, List<byte[]> values) {
        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    private final TableValue base;
    private final List<Row> rows;
    private final List<IndexEntries> indexes;
    private final long autoIncrement;

    TableChanges(TableValue base, List<Row> rows, List<IndexEntries> indexes, long autoIncrement) {
        this.base = base;
        this.rows = List.copyOf(rows);
        this.indexes = List.copyOf(indexes);
        this.autoIncrement = autoIncrement;
    }

    /** The table value the changes were made on. */
    public TableValue base() {
        return base;
    }

    /** The changed rows in key order. */
    public List<Row> rows() {
        return rows;
    }

    /** Every secondary index of the table's schema, in schema order, with its changed entries (maybe none). */
    public List<IndexEntries> indexes() {
        return indexes;
    }

    /** The table's auto-increment counter after the writes. */
    public long autoIncrement() {
        return autoIncrement;
    }

    /** Whether applying the changes leaves the base table value as it was. */
    public boolean isEmpty() {
        return rows.isEmpty() && autoIncrement == base.autoIncrement()
                && indexes.stream().allMatch(IndexEntries::isEmpty);
    }
}
