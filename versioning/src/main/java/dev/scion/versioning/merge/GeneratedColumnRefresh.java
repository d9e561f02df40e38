package dev.scion.versioning.merge;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Recomputes generated columns after a table merge. A merged row can hold cells from both sides (a = 1 from ours,
 * b = 2 from theirs), so a value generated from them on either side may be stale; and when the generated columns
 * are new to our side (added by theirs), our rows have only the NULLs the remapping gave them. Rows the merge
 * changed relative to ours are recomputed, or every row when the generated columns differ from ours'. The
 * expressions are SQL, so the evaluation comes from the caller ({@link RowConstraintChecker#computeGenerated}).
 */
final class GeneratedColumnRefresh {
    private GeneratedColumnRefresh() {
    }

    static TableValue refresh(ChunkBuffer out, RowConstraintChecker evaluator, TableValue ours, TableValue merged) {
        TableSchema schema = merged.schema();
        List<Column> generated = schema.columns().stream().filter(Column::generated).toList();
        if (generated.isEmpty() || evaluator == RowConstraintChecker.NONE || merged.rows().equals(ours.rows())
                && schema.equals(ours.schema())) {
            return merged;
        }
        RowCodec codec = new RowCodec(schema);
        if (codec.keyless()) {
            return merged; // a keyless row's key is its content: not rewritten here
        }
        List<Column> ourGenerated = ours.schema().columns().stream().filter(Column::generated).toList();
        boolean all = !generated.equals(ourGenerated);
        ProllyMap rows = ProllyMap.load(out, merged.rows());
        MapEdits edits = new MapEdits();
        if (all) {
            try (ProllyCursor c = rows.cursor()) {
                while (c.next()) {
                    recompute(evaluator, schema, codec, c.key(), c.value(), edits);
                }
            }
        } else {
            Iterator<DiffEntry> d = ProllyMap.diff(ProllyMap.load(out, ours.rows()), rows);
            while (d.hasNext()) {
                DiffEntry e = d.next();
                if (e.toValue() != null) {
                    recompute(evaluator, schema, codec, e.key(), e.toValue(), edits);
                }
            }
        }
        if (edits.isEmpty()) {
            return merged;
        }
        return IndexRebuilder.update(out, merged, rows.edit(edits, out).root(), merged.autoIncrement());
    }

    private static void recompute(RowConstraintChecker evaluator, TableSchema schema, RowCodec codec, byte[] key,
                                  byte[] value, MapEdits edits) {
        Object[] row = codec.decode(key, value);
        Object[] before = row.clone();
        Object[] after = evaluator.computeGenerated(schema, row);
        if (!Arrays.deepEquals(before, after)) {
            edits.put(key, codec.value(after));
        }
    }
}
