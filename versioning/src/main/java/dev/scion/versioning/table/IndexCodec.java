package dev.scion.versioning.table;

import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

/**
 * Secondary index entries: the key is the index columns followed by the primary key columns (or, for keyless
 * tables, the row hash), so entries are unique; the value is empty.
 */
public final class IndexCodec {
    private static final byte[] EMPTY = new byte[0];

    private final IndexDef index;
    private final int[] indexCols;
    private final RowCodec rows;
    private final TupleDescriptor desc;
    private final TupleDescriptor prefixDesc;

    IndexCodec(TableSchema schema, IndexDef index, RowCodec rows) {
        this.index = index;
        this.rows = rows;
        indexCols = new int[index.columns().size()];
        for (int i = 0; i < indexCols.length; i++) {
            indexCols[i] = schema.columnIndex(index.columns().get(i));
            if (indexCols[i] < 0) {
                throw new IllegalArgumentException("index " + index.name() + " names unknown column "
                        + index.columns().get(i));
            }
        }
        int nk = rows.keyless() ? 1 : rows.keyColumns().length;
        FieldType[] t = new FieldType[indexCols.length + nk];
        FieldType[] p = new FieldType[indexCols.length];
        for (int i = 0; i < indexCols.length; i++) {
            t[i] = schema.columns().get(indexCols[i]).type().fieldType();
            p[i] = t[i];
        }
        for (int i = 0; i < nk; i++) {
            t[indexCols.length + i] = rows.keyless() ? FieldType.BYTES
                    : schema.columns().get(rows.keyColumns()[i]).type().fieldType();
        }
        desc = new TupleDescriptor(t);
        prefixDesc = new TupleDescriptor(p);
    }

    public IndexDef index() {
        return index;
    }

    public int[] indexColumns() {
        return indexCols;
    }

    public byte[] key(Object[] row) {
        row = rows.stored(row);
        Object[] k = new Object[desc.size()];
        for (int i = 0; i < indexCols.length; i++) {
            k[i] = row[indexCols[i]];
        }
        if (rows.keyless()) {
            k[indexCols.length] = rows.keyDescriptor().decodeKey(rows.key(row))[0];
        } else {
            int[] kc = rows.keyColumns();
            for (int i = 0; i < kc.length; i++) {
                k[indexCols.length + i] = row[kc[i]];
            }
        }
        return desc.encodeKey(k);
    }

    public byte[] value() {
        return EMPTY;
    }

    /** The encoded index-column values alone: a prefix of every entry for those values. */
    public byte[] prefix(Object[] indexValues) {
        Object[] stored = new Object[indexValues.length];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = rows.stored(indexCols[i], indexValues[i]);
        }
        return prefixDesc.encodeKey(stored);
    }

    /** Index values of a row, in index column order. */
    public Object[] indexValues(Object[] row) {
        Object[] v = new Object[indexCols.length];
        for (int i = 0; i < indexCols.length; i++) {
            v[i] = row[indexCols[i]];
        }
        return v;
    }

    /** The primary key (row key) bytes stored at the end of an index entry. */
    public byte[] rowKey(byte[] indexKey) {
        Object[] all = desc.decodeKey(indexKey);
        if (rows.keyless()) {
            return rows.keyDescriptor().encodeKey(new Object[] {all[indexCols.length]});
        }
        Object[] pk = new Object[all.length - indexCols.length];
        System.arraycopy(all, indexCols.length, pk, 0, pk.length);
        return rows.keyFromKeyValues(pk);
    }

    public TupleDescriptor descriptor() {
        return desc;
    }
}
