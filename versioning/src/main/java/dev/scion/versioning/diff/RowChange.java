package dev.scion.versioning.diff;

import dev.scion.versioning.schema.TableSchema;
import java.util.List;

/**
 * One row that differs. {@code before} is in the "from" schema, {@code after} in the "to" schema; for a
 * modified row {@code changedColumns} names the "to" columns whose value changed (cell-level diff).
 */
public record RowChange(Kind kind, byte[] key, Object[] before, Object[] after, List<String> changedColumns) {

    public enum Kind { ADDED, REMOVED, MODIFIED }

    /**
     * Whether this change counts as a data change between the two schemas, as Dolt's diff summary counts it: an
     * added or removed row does, and a modified row does unless all it gained is NULL cells of columns added
     * since {@code from} (and all it lost, NULL cells of columns dropped).
     */
    public boolean changesData(TableSchema from, TableSchema to) {
        if (kind != Kind.MODIFIED) {
            return true;
        }
        for (String col : changedColumns) {
            int ti = to.columnIndex(col);
            if (from.columnIndex(col) >= 0 || (ti >= 0 && after[ti] != null)) {
                return true;
            }
        }
        for (int i = 0; i < from.columns().size(); i++) {
            if (to.columnIndex(from.columns().get(i).name()) < 0 && before[i] != null) {
                return true;
            }
        }
        return false;
    }
}
