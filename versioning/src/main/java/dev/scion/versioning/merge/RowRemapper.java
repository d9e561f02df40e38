package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.util.List;
import java.util.TreeMap;

/**
 * Rewrites rows from one schema into another by column tag: columns the target lacks are dropped, columns the
 * source lacks become NULL. Merges use it to bring base, ours and theirs into the merged schema first, so the
 * row merge compares like with like.
 */
public final class RowRemapper {
    private final RowCodec from;
    private final RowCodec to;
    private final int[] sourceIndex;
    /** Per target column: n when it became BINARY(n) (shorter values from the source are padded), else -1. */
    private final int[] binaryLength;

    public RowRemapper(TableSchema from, TableSchema to) {
        this.from = new RowCodec(from);
        this.to = new RowCodec(to);
        sourceIndex = new int[to.columns().size()];
        binaryLength = new int[sourceIndex.length];
        for (int i = 0; i < sourceIndex.length; i++) {
            sourceIndex[i] = indexOfTag(from, to.columns().get(i).tag());
            ColumnType t = to.columns().get(i).type();
            binaryLength[i] = t.kind() == TypeKind.BINARY && sourceIndex[i] >= 0
                    && !from.columns().get(sourceIndex[i]).type().equals(t) ? t.length() : -1;
        }
    }

    static int indexOfTag(TableSchema s, long tag) {
        List<Column> cols = s.columns();
        for (int j = 0; j < cols.size(); j++) {
            if (cols.get(j).tag() == tag) {
                return j;
            }
        }
        return -1;
    }

    public Object[] remap(Object[] row) {
        Object[] out = new Object[sourceIndex.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sourceIndex[i] < 0 ? null : row[sourceIndex[i]];
            if (binaryLength[i] > 0 && out[i] instanceof byte[] b && b.length < binaryLength[i]) {
                out[i] = java.util.Arrays.copyOf(b, binaryLength[i]); // BINARY(n) holds n bytes, zero-padded
            }
        }
        return out;
    }

    /** The whole row map rewritten into the target schema. */
    public Hash remapAll(ChunkStore store, Hash rows) {
        return remapAll(store, rows, java.util.function.UnaryOperator.identity());
    }

    /**
     * The whole row map rewritten into the target schema, each remapped row passed through {@code convert} (values
     * whose column changed type, for readers that show old data in a newer schema).
     */
    public Hash remapAll(ChunkStore store, Hash rows, java.util.function.UnaryOperator<Object[]> convert) {
        ProllyMap src = ProllyMap.load(store, rows);
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(KeyBytes.ORDER);
        try (ProllyCursor c = src.cursor()) {
            while (c.next()) {
                byte[] key = c.key();
                byte[] value = c.value();
                long count = from.count(value);
                Object[] row = convert.apply(remap(from.decode(key, value)));
                byte[] nk = to.key(row);
                if (to.keyless()) {
                    byte[] prev = sorted.get(nk);
                    long n = count + (prev == null ? 0 : to.count(prev));
                    sorted.put(nk, to.value(row, n));
                } else {
                    sorted.put(nk, to.value(row));
                }
            }
        }
        return ProllyMap.build(store, sorted.entrySet().iterator()).root();
    }
}
