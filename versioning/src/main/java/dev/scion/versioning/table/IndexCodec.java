package dev.scion.versioning.table;

import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.SortKeyFunction;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.fulltext.FullTextTokenizer;
import dev.scion.versioning.schema.CollationKeys;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Secondary index entries: the key is the index columns followed by the primary key columns (or, for keyless
 * tables, the row hash), so entries are unique; the value is empty. A FULLTEXT index has one entry per distinct
 * word of a row's text columns instead: the key is the word followed by the row key (docs/storage-format.md).
 */
public final class IndexCodec {
    private static final byte[] EMPTY = new byte[0];

    private final IndexDef index;
    private final int[] indexCols;
    private final RowCodec rows;
    private final TupleDescriptor desc;
    private final TupleDescriptor prefixDesc;
    /** Fields before the row key in an entry: the index columns, or the one word of a FULLTEXT entry. */
    private final int lead;
    /** Per key part of a collated-keys index, its prefix length (0: the whole value); all 0 otherwise. */
    private final int[] prefixChars;

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
        lead = index.fulltext() ? 1 : indexCols.length;
        FieldType[] t = new FieldType[lead + nk];
        FieldType[] p = new FieldType[lead];
        for (int i = 0; i < lead; i++) {
            t[i] = index.fulltext() ? FieldType.STRING : schema.columns().get(indexCols[i]).type().fieldType();
            p[i] = t[i];
        }
        for (int i = 0; i < nk; i++) {
            t[lead + i] = rows.keyless() ? FieldType.BYTES
                    : schema.columns().get(rows.keyColumns()[i]).type().fieldType();
        }
        TupleDescriptor d = new TupleDescriptor(t);
        if (rows.sortKeyedKey()) {
            // the row key at the end of each entry is encoded as the primary key encodes it
            for (int i = 0; i < nk; i++) {
                SortKeyFunction f = rows.keyDescriptor().sortKey(i);
                if (f != null) {
                    d = d.withSortKey(lead + i, f);
                }
            }
        }
        TupleDescriptor pd = new TupleDescriptor(p);
        prefixChars = new int[lead];
        if (index.collatedKeys()) {
            for (int i = 0; i < lead; i++) {
                ColumnType type = schema.columns().get(indexCols[i]).type();
                SortKeyFunction f = CollationKeys.sortKeyOf(type);
                if (f != null) {
                    d = d.withSortKey(i, f);
                    pd = pd.withSortKey(i, f);
                }
                prefixChars[i] = index.prefixLength(i);
            }
        }
        desc = d;
        prefixDesc = pd;
    }

    /**
     * A key part as a collated-keys index holds it: cut to the part's prefix (characters of text, bytes of binary
     * data), as MySQL keys a prefix index. Other indexes hold whole values.
     */
    private Object keyPart(int part, Object v) {
        int n = prefixChars[part];
        if (n <= 0 || v == null) {
            return v;
        }
        if (v instanceof String text) {
            return text.codePointCount(0, text.length()) <= n ? text : text.substring(0, text.offsetByCodePoints(0, n));
        }
        if (v instanceof byte[] bytes) {
            return bytes.length <= n ? bytes : java.util.Arrays.copyOf(bytes, n);
        }
        return v;
    }

    public IndexDef index() {
        return index;
    }

    public int[] indexColumns() {
        return indexCols;
    }

    /** The one entry of a B-tree index for {@code row}. */
    public byte[] key(Object[] row) {
        if (index.fulltext()) {
            throw new IllegalStateException("a FULLTEXT index has one entry per word: use keys()");
        }
        row = rows.stored(row);
        Object[] k = new Object[desc.size()];
        for (int i = 0; i < indexCols.length; i++) {
            k[i] = keyPart(i, row[indexCols[i]]);
        }
        fillRowKey(row, k);
        return desc.encodeKey(k);
    }

    /** Every entry of this index for {@code row}: one for a B-tree index, one per distinct word for FULLTEXT. */
    public List<byte[]> keys(Object[] row) {
        if (!index.fulltext()) {
            return List.of(key(row));
        }
        Object[] k = new Object[desc.size()];
        fillRowKey(rows.stored(row), k);
        List<byte[]> out = new ArrayList<>();
        for (String word : FullTextTokenizer.wordCounts(indexValues(row)).keySet()) {
            k[0] = word;
            out.add(desc.encodeKey(k));
        }
        return out;
    }

    private void fillRowKey(Object[] row, Object[] k) {
        if (rows.keyless()) {
            k[lead] = rows.keyDescriptor().decodeKey(rows.key(row))[0];
        } else {
            int[] kc = rows.keyColumns();
            for (int i = 0; i < kc.length; i++) {
                k[lead + i] = row[kc[i]];
            }
        }
    }

    /** The encoded prefix of every FULLTEXT entry for {@code word} (already normalized). */
    public byte[] wordPrefix(String word) {
        return prefixDesc.encodeKey(new Object[] {word});
    }

    public byte[] value() {
        return EMPTY;
    }

    /** The encoded index-column values alone: a prefix of every entry for those values. */
    public byte[] prefix(Object[] indexValues) {
        Object[] stored = new Object[indexValues.length];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = keyPart(i, rows.stored(indexCols[i], indexValues[i]));
        }
        return prefixDesc.encodeKey(stored);
    }

    /** Index values as the keys hold them before collation: each prefixed part cut to its prefix (for messages). */
    public Object[] keyedValues(Object[] indexValues) {
        Object[] out = indexValues.clone();
        for (int i = 0; i < out.length && i < prefixChars.length; i++) {
            out[i] = keyPart(i, out[i]);
        }
        return out;
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
            return rows.keyDescriptor().encodeKey(new Object[] {all[lead]});
        }
        Object[] pk = new Object[all.length - lead];
        System.arraycopy(all, lead, pk, 0, pk.length);
        return rows.sortKeyedKey() ? rows.keyFromDecodedFields(pk) : rows.keyFromKeyValues(pk);
    }

    public TupleDescriptor descriptor() {
        return desc;
    }
}
