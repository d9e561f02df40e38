package dev.scion.sql.dolt;

import dev.scion.sql.plan.TypeMapping;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Base64;

/**
 * The row layout Dolt gives a row conflict, shared by dolt_conflicts_&lt;t&gt; and
 * dolt_preview_merge_conflicts(): base_, our_ and their_ versions of every column of t, each side's diff_type
 * against the base, and dolt_conflict_id (the row key, base64url).
 */
final class ConflictRows {
    private ConflictRows() {
    }

    /** Adds the conflict columns of {@code schema} to a row type. */
    static void columns(RelDataTypeFactory.Builder b, RelDataTypeFactory f, TableSchema schema) {
        side(b, f, schema, "base_");
        side(b, f, schema, "our_");
        b.add("our_diff_type", Columns.text(f, 16));
        side(b, f, schema, "their_");
        b.add("their_diff_type", Columns.text(f, 16));
        b.add("dolt_conflict_id", Columns.text(f, 1024));
    }

    private static void side(RelDataTypeFactory.Builder b, RelDataTypeFactory f, TableSchema schema, String prefix) {
        for (Column c : schema.columns()) {
            b.add(prefix + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
    }

    /** How many values {@link #fill} writes for a table of {@code n} columns. */
    static int width(int n) {
        return 3 * n + 3;
    }

    /** Writes one conflict into {@code out} from {@code at}: the three versions (null when absent), types, id. */
    static void fill(Object[] out, int at, int n, Object[] base, Object[] ours, Object[] theirs, byte[] key) {
        copy(base, out, at, n);
        copy(ours, out, at + n, n);
        out[at + 2 * n] = diffType(base, ours);
        copy(theirs, out, at + 2 * n + 1, n);
        out[at + 3 * n + 1] = diffType(base, theirs);
        out[at + 3 * n + 2] = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** The key a dolt_conflict_id names. */
    static byte[] key(Object conflictId) {
        return Base64.getUrlDecoder().decode(String.valueOf(conflictId));
    }

    private static void copy(Object[] from, Object[] to, int at, int n) {
        if (from != null) {
            System.arraycopy(from, 0, to, at, Math.min(n, from.length));
        }
    }

    private static String diffType(Object[] base, Object[] side) {
        if (side == null) {
            return "removed";
        }
        return base == null ? "added" : "modified";
    }
}
