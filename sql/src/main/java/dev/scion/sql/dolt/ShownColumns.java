package dev.scion.sql.dolt;

import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

/**
 * Places the cells of a row stored under one version of a table's schema into the columns of another version
 * (the one a diff table shows). As in Dolt, key columns are matched by tag (a renamed key column keeps its values)
 * and the other columns by name (a column dropped and added again under its name is one column); a cell whose
 * column changed type is converted to the shown type, and when it does not fit there (a narrowed varchar, a
 * string in a now numeric column) it shows as NULL with warning 1292, as Dolt's diff tables do.
 */
final class ShownColumns {
    private final TableSchema shown;
    /** For each shown column, its index in the stored schema, or -1 when the stored version lacks it. */
    private final int[] positions;
    /** For each shown column, whether the stored type differs, so the cell must be converted. */
    private final boolean[] convert;

    ShownColumns(TableSchema shown, TableSchema stored) {
        this.shown = shown;
        int n = shown.columns().size();
        this.positions = new int[n];
        this.convert = new boolean[n];
        java.util.Set<String> keys = new java.util.HashSet<>();
        shown.primaryKey().forEach(k -> keys.add(k.toLowerCase(java.util.Locale.ROOT)));
        for (int i = 0; i < n; i++) {
            Column c = shown.columns().get(i);
            int k = -1;
            if (stored != null) {
                k = keys.contains(c.name().toLowerCase(java.util.Locale.ROOT))
                        ? indexByTag(stored, c.tag()) : stored.columnIndex(c.name());
            }
            positions[i] = k;
            convert[i] = k >= 0 && !stored.columns().get(k).type().equals(c.type());
        }
    }

    private static int indexByTag(TableSchema s, long tag) {
        for (int j = 0; j < s.columns().size(); j++) {
            if (s.columns().get(j).tag() == tag) {
                return j;
            }
        }
        return -1;
    }

    /** Copies {@code row} (null: nothing) into {@code out} from {@code at}; warnings go to {@code session}. */
    void copy(Object[] row, Object[] out, int at, Session session) {
        if (row == null) {
            return;
        }
        for (int i = 0; i < positions.length; i++) {
            int k = positions[i];
            Object v = k >= 0 && k < row.length ? row[k] : null;
            if (v != null && convert[i]) {
                v = converted(v, shown.columns().get(i), session);
            }
            out[at + i] = v;
        }
    }

    private static Object converted(Object v, Column c, Session session) {
        try {
            return ColumnValues.coerce(v, c, 0);
        } catch (SqlError e) {
            if (session != null) {
                session.addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(),
                        "Truncated " + c.type().sqlName() + " value: " + Values.toStringValue(v));
            }
            return null;
        }
    }
}
