package dev.scion.versioning.merge;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Fills the column one side added for the rows the other side inserted. Remapping gives such a row NULL in the
 * column, but the side that added it filled every row it had with the column's default, and Dolt gives the other
 * side's new rows that default too (evaluated per row: {@code DEFAULT (pk + 100)}). Rows both sides already had are
 * decided by the cell merge (the side that added the column changed the cell from NULL to its default).
 */
final class NewColumnDefaults {
    private NewColumnDefaults() {
    }

    static TableValue fill(ChunkBuffer out, RowConstraintChecker evaluator, TableValue base, TableValue ours,
                           TableValue theirs, TableValue merged) {
        TableSchema schema = merged.schema();
        if (evaluator == RowConstraintChecker.NONE || schema.isKeyless() || !sameKey(schema, ours.schema())
                || !sameKey(schema, theirs.schema()) || base != null && !sameKey(schema, base.schema())) {
            return merged;
        }
        RowCodec codec = new RowCodec(schema);
        ProllyMap rows = ProllyMap.load(out, merged.rows());
        ProllyMap baseRows = base == null ? ProllyMap.empty(out) : ProllyMap.load(out, base.rows());
        MapEdits edits = new MapEdits();
        fillInserted(evaluator, codec, rows, baseRows, ProllyMap.load(out, ours.rows()), missing(schema, ours), edits);
        fillInserted(evaluator, codec, rows, baseRows, ProllyMap.load(out, theirs.rows()), missing(schema, theirs),
                edits);
        if (edits.isEmpty()) {
            return merged;
        }
        return IndexRebuilder.update(out, merged, rows.edit(edits, out).root(), merged.autoIncrement());
    }

    /** Positions in the merged schema of columns with a default that {@code side} does not have. */
    private static int[] missing(TableSchema merged, TableValue side) {
        return java.util.stream.IntStream.range(0, merged.columns().size())
                .filter(i -> {
                    Column c = merged.columns().get(i);
                    return c.defaultSql() != null && !c.generated()
                            && RowRemapper.indexOfTag(side.schema(), c.tag()) < 0;
                }).toArray();
    }

    private static void fillInserted(RowConstraintChecker evaluator, RowCodec codec, ProllyMap merged,
                                     ProllyMap base, ProllyMap side, int[] columns, MapEdits edits) {
        if (columns.length == 0) {
            return;
        }
        TableSchema schema = codec.schema();
        Iterator<DiffEntry> d = ProllyMap.diff(base, side);
        while (d.hasNext()) {
            DiffEntry e = d.next();
            if (e.fromValue() != null || e.toValue() == null) {
                continue; // only rows this side inserted
            }
            byte[] value = merged.get(e.key());
            if (value == null) {
                continue;
            }
            Object[] row = codec.decode(e.key(), value);
            Object[] before = row.clone();
            for (int i : columns) {
                if (row[i] == null) {
                    row[i] = evaluator.defaultValue(schema, schema.columns().get(i), row);
                }
            }
            if (!Arrays.deepEquals(before, row)) {
                edits.put(e.key(), codec.value(row));
            }
        }
    }

    /** Whether two schemas key their rows alike (same primary key columns by tag and type). */
    private static boolean sameKey(TableSchema a, TableSchema b) {
        return keyColumns(a).equals(keyColumns(b));
    }

    private static List<String> keyColumns(TableSchema s) {
        return Arrays.stream(s.primaryKeyIndexes()).mapToObj(i -> s.columns().get(i))
                .map(c -> c.tag() + ":" + c.type()).toList();
    }
}
