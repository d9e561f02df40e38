package dev.scion.versioning.diff;

import java.util.List;

/**
 * One row that differs. {@code before} is in the "from" schema, {@code after} in the "to" schema; for a
 * modified row {@code changedColumns} names the "to" columns whose value changed (cell-level diff).
 */
public record RowChange(Kind kind, byte[] key, Object[] before, Object[] after, List<String> changedColumns) {

    public enum Kind { ADDED, REMOVED, MODIFIED }
}
