package dev.scion.sql.dolt;

import dev.scion.sql.plan.TypeMapping;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Base64;

/**
 * The row layout Dolt gives a row conflict, shared by dolt_conflicts_&lt;t&gt; and
 * dolt_preview_merge_conflicts(): base_, our_ and their_ versions of every column of t, each side's diff_type
 * against the base, for a keyless t how many copies of the row each side holds (base_, our_ and
 * their_cardinality: a keyless conflict is about that count), and dolt_conflict_id (the row key, base64url).
 */
final class ConflictRows {
    private ConflictRows() {
    }

    /** Adds the conflict columns of {@code schema} to a row type. */
    static void columns(RelDataTypeFactory.Builder b, RelDataTypeFactory f, TableSchema schema) {
        columns(b, f, schema, schema);
    }

    /** As above, with the base_ columns those of {@code baseSchema} (a column both sides dropped still shows). */
    static void columns(RelDataTypeFactory.Builder b, RelDataTypeFactory f, TableSchema baseSchema,
                        TableSchema schema) {
        side(b, f, baseSchema, "base_");
        side(b, f, schema, "our_");
        b.add("our_diff_type", Columns.text(f, 16));
        side(b, f, schema, "their_");
        b.add("their_diff_type", Columns.text(f, 16));
        if (schema.isKeyless()) {
            for (String prefix : new String[] {"base_", "our_", "their_"}) {
                b.add(prefix + "cardinality", f.createSqlType(SqlTypeName.BIGINT));
            }
        }
        b.add("dolt_conflict_id", Columns.text(f, 1024));
    }

    private static void side(RelDataTypeFactory.Builder b, RelDataTypeFactory f, TableSchema schema, String prefix) {
        for (Column c : schema.columns()) {
            b.add(prefix + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
    }

    /** How many values {@link #fill} writes for a table of this schema. */
    static int width(TableSchema schema) {
        return width(schema, schema);
    }

    static int width(TableSchema baseSchema, TableSchema schema) {
        return baseSchema.columns().size() + 2 * schema.columns().size() + 3 + (schema.isKeyless() ? 3 : 0);
    }

    /** Where dolt_conflict_id sits in a row {@link #fill} wrote from position 0. */
    static int idColumn(TableSchema schema) {
        return width(schema) - 1;
    }

    static int idColumn(TableSchema baseSchema, TableSchema schema) {
        return width(baseSchema, schema) - 1;
    }

    /**
     * Writes one conflict into {@code out} from {@code at}: the three versions (null when absent), diff types,
     * counts (keyless tables) and id. {@code ours}/{@code ourCount} are passed separately since
     * dolt_conflicts_&lt;t&gt; shows the table's current row rather than the one recorded at merge time.
     */
    static void fill(Object[] out, int at, TableSchema schema, ConflictsOp.RowConflict c, Object[] ours,
                     long ourCount) {
        fill(out, at, schema.columns().size(), schema, c, c.base(), ours, ourCount);
    }

    /**
     * As above with {@code baseWidth} base_ columns holding {@code base} (the row as the base schema had it, which
     * may have columns the merged schema dropped).
     */
    static void fill(Object[] out, int at, int baseWidth, TableSchema schema, ConflictsOp.RowConflict c,
                     Object[] base, Object[] ours, long ourCount) {
        int n = schema.columns().size();
        copy(base, out, at, baseWidth);
        at += baseWidth - n; // the our_ and their_ columns follow the base_ ones
        copy(ours, out, at + n, n);
        out[at + 2 * n] = diffType(c.base(), ours);
        copy(c.theirs(), out, at + 2 * n + 1, n);
        out[at + 3 * n + 1] = diffType(c.base(), c.theirs());
        int next = at + 3 * n + 2;
        if (schema.isKeyless()) {
            out[next++] = c.baseCount();
            out[next++] = ourCount;
            out[next++] = c.theirCount();
        }
        out[next] = Base64.getUrlEncoder().withoutPadding().encodeToString(c.key());
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
