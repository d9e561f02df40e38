package dev.scion.versioning.merge;

import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Rows whose change the merged schema has no room for: one side dropped a column while the other side changed that
 * column's value in a row the dropping side still has. Merging cell by cell in the merged schema would lose the
 * change without a word, so (as Dolt does) each such row is a conflict instead.
 */
final class DroppedColumnChanges {
    private DroppedColumnChanges() {
    }

    /** Keys of the rows of a keyed table that must be conflicts for this reason (none when no column was dropped). */
    static List<byte[]> keys(TableValue base, TableValue ours, TableValue theirs, TableSchema merged,
                             ChunkStore store) {
        List<byte[]> out = new ArrayList<>();
        collect(base, ours, theirs, merged, store, out);
        collect(base, theirs, ours, merged, store, out);
        return out;
    }

    /** Rows where {@code keeper} changed a column {@code dropper} dropped. */
    private static void collect(TableValue base, TableValue keeper, TableValue dropper, TableSchema merged,
                                ChunkStore store, List<byte[]> out) {
        List<long[]> positions = new ArrayList<>(); // {position in base, position in keeper}
        List<Column> baseCols = base.schema().columns();
        for (int b = 0; b < baseCols.size(); b++) {
            long tag = baseCols.get(b).tag();
            int k = position(keeper.schema(), tag);
            if (k >= 0 && position(merged, tag) < 0 && position(dropper.schema(), tag) < 0) {
                positions.add(new long[] {b, k});
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        RowCodec baseCodec = new RowCodec(base.schema());
        RowCodec keeperCodec = new RowCodec(keeper.schema());
        ProllyMap dropperRows = ProllyMap.load(store, dropper.rows());
        Iterator<DiffEntry> it = ProllyMap.diff(ProllyMap.load(store, base.rows()), ProllyMap.load(store, keeper.rows()));
        while (it.hasNext()) {
            DiffEntry d = it.next();
            if (!d.isModified()) {
                continue;
            }
            Object[] was = baseCodec.decode(d.key(), d.fromValue());
            Object[] now = keeperCodec.decode(d.key(), d.toValue());
            boolean changed = positions.stream().anyMatch(p -> !Objects.deepEquals(was[(int) p[0]], now[(int) p[1]]));
            if (changed && dropperRows.contains(d.key())) {
                out.add(d.key());
            }
        }
    }

    private static int position(TableSchema schema, long tag) {
        List<Column> cols = schema.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).tag() == tag) {
                return i;
            }
        }
        return -1;
    }
}
