package dev.scion.versioning.table;

import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.schema.ChoiceValues;
import dev.scion.versioning.schema.CollationKeys;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

/**
 * Maps rows (values in schema column order) to prolly-tree entries. A keyed table stores the primary key
 * columns in the key and the rest in the value. A keyless table stores the content hash of the row as the key
 * and a duplicate count followed by every column as the value.
 */
public final class RowCodec {
    private final TableSchema schema;
    private final int[] keyCols;
    private final int[] valueCols;
    private final TupleDescriptor keyDesc;
    private final TupleDescriptor valueDesc;
    private final boolean keyless;
    /** Per column the ENUM/SET type whose values are stored as numbers, else null; null when there is none. */
    private final ColumnType[] choiceTypes;
    /** Every value field, for a cursor decode of the whole row. */
    private final boolean[] allValueFields;
    /**
     * Primary-key DECIMAL columns, whose keys normalise the scale (1.50 encodes as 1.5): decoding gives the value back
     * its column's scale, as a value field keeps it. Null when the key has none.
     */
    private final int[] keyDecimalCols;
    /**
     * Key fields (positions in the primary key) keyed by their collation's sort key when the schema has a collated
     * primary key; their text follows the value columns in the value, one field each. Empty otherwise.
     */
    private final int[] sortKeyedFields;
    /** The key layout with each sort-keyed field as the BYTES of its sort key: re-encodes a decoded key. */
    private final TupleDescriptor rawKeyDesc;

    public RowCodec(TableSchema schema) {
        this.schema = schema;
        this.keyless = schema.isKeyless();
        this.choiceTypes = choiceTypes(schema);
        if (keyless) {
            keyCols = new int[0];
            valueCols = new int[schema.columns().size()];
            for (int i = 0; i < valueCols.length; i++) {
                valueCols[i] = i;
            }
            FieldType[] vt = new FieldType[valueCols.length + 1];
            vt[0] = FieldType.INT64;
            for (int i = 0; i < valueCols.length; i++) {
                vt[i + 1] = schema.columns().get(i).type().fieldType();
            }
            keyDesc = new TupleDescriptor(FieldType.BYTES);
            valueDesc = new TupleDescriptor(vt);
            sortKeyedFields = new int[0];
            rawKeyDesc = keyDesc;
        } else {
            keyCols = schema.primaryKeyIndexes();
            valueCols = schema.valueIndexes();
            sortKeyedFields = sortKeyedFields(schema, keyCols);
            FieldType[] kt = types(schema, keyCols);
            FieldType[] raw = kt.clone();
            FieldType[] vt = java.util.Arrays.copyOf(types(schema, valueCols),
                    valueCols.length + sortKeyedFields.length);
            TupleDescriptor kd = new TupleDescriptor(kt);
            for (int j = 0; j < sortKeyedFields.length; j++) {
                int f = sortKeyedFields[j];
                kd = kd.withSortKey(f, CollationKeys.sortKeyOf(schema.columns().get(keyCols[f]).type()));
                raw[f] = FieldType.BYTES;
                vt[valueCols.length + j] = FieldType.STRING;
            }
            keyDesc = kd;
            rawKeyDesc = sortKeyedFields.length == 0 ? kd : new TupleDescriptor(raw);
            valueDesc = new TupleDescriptor(vt);
        }
        allValueFields = new boolean[valueDesc.size()];
        java.util.Arrays.fill(allValueFields, true);
        int[] decimals = java.util.Arrays.stream(keyCols)
                .filter(c -> schema.columns().get(c).type().fieldType() == FieldType.DECIMAL).toArray();
        keyDecimalCols = decimals.length == 0 ? null : decimals;
    }

    private static int[] sortKeyedFields(TableSchema schema, int[] keyCols) {
        if (!schema.collatedPrimaryKey()) {
            return new int[0];
        }
        return java.util.stream.IntStream.range(0, keyCols.length)
                .filter(i -> CollationKeys.sortKeyOf(schema.columns().get(keyCols[i]).type()) != null).toArray();
    }

    private static ColumnType[] choiceTypes(TableSchema schema) {
        ColumnType[] types = new ColumnType[schema.columns().size()];
        boolean any = false;
        for (int i = 0; i < types.length; i++) {
            ColumnType t = schema.columns().get(i).type();
            if (ChoiceValues.isChoice(t)) {
                types[i] = t;
                any = true;
            }
        }
        return any ? types : null;
    }

    /** The row as stored: ENUM/SET values as their numbers (a copy; the caller's row is not changed). */
    Object[] stored(Object[] row) {
        if (choiceTypes == null) {
            return row;
        }
        Object[] out = row.clone();
        for (int i = 0; i < out.length && i < choiceTypes.length; i++) {
            if (choiceTypes[i] != null && out[i] != null) {
                out[i] = ChoiceValues.toStored(choiceTypes[i], out[i]);
            }
        }
        return out;
    }

    /** The value of column {@code column} as stored. */
    Object stored(int column, Object v) {
        return choiceTypes == null || choiceTypes[column] == null || v == null ? v
                : ChoiceValues.toStored(choiceTypes[column], v);
    }

    private Object[] fromStored(Object[] row) {
        if (keyDecimalCols != null) {
            for (int c : keyDecimalCols) {
                int scale = schema.columns().get(c).type().scale();
                if (row[c] instanceof java.math.BigDecimal d && scale >= 0 && d.scale() < scale) {
                    row[c] = d.setScale(scale);
                }
            }
        }
        if (choiceTypes != null) {
            for (int i = 0; i < row.length; i++) {
                if (choiceTypes[i] != null && row[i] != null) {
                    row[i] = ChoiceValues.fromStored(choiceTypes[i], row[i]);
                }
            }
        }
        return row;
    }

    private static FieldType[] types(TableSchema schema, int[] cols) {
        FieldType[] t = new FieldType[cols.length];
        for (int i = 0; i < cols.length; i++) {
            t[i] = schema.columns().get(cols[i]).type().fieldType();
        }
        return t;
    }

    public TableSchema schema() {
        return schema;
    }

    public boolean keyless() {
        return keyless;
    }

    public int[] keyColumns() {
        return keyCols;
    }

    public TupleDescriptor keyDescriptor() {
        return keyDesc;
    }

    /** The key of a row of a keyed table, from the full row. */
    public byte[] key(Object[] row) {
        row = stored(row);
        if (keyless) {
            return keylessKey(row);
        }
        Object[] k = new Object[keyCols.length];
        for (int i = 0; i < keyCols.length; i++) {
            k[i] = row[keyCols[i]];
        }
        return keyDesc.encodeKey(k);
    }

    /** The key from primary key values alone, in primary key order. */
    public byte[] keyFromKeyValues(Object[] keyValues) {
        if (choiceTypes != null && !keyless) {
            keyValues = keyValues.clone();
            for (int i = 0; i < keyValues.length; i++) {
                keyValues[i] = stored(keyCols[i], keyValues[i]);
            }
        }
        return keyDesc.encodeKey(keyValues);
    }

    /**
     * The key from primary-key fields as {@link TupleDescriptor#decodeKey} of a key or an index entry returns them:
     * a sort-keyed field is its sort key's bytes, which this re-encodes unchanged.
     */
    public byte[] keyFromDecodedFields(Object[] fields) {
        return rawKeyDesc.encodeKey(fields);
    }

    /** True when some key field holds a collation's sort key rather than the column's value. */
    public boolean sortKeyedKey() {
        return sortKeyedFields.length > 0;
    }

    /** The primary-key values of a row, in key order (for messages such as 1062's). */
    public Object[] keyValues(Object[] row) {
        Object[] k = new Object[keyCols.length];
        for (int i = 0; i < keyCols.length; i++) {
            k[i] = row[keyCols[i]];
        }
        return k;
    }

    /** The content hash a keyless table's row key holds (Dolt shows such a hash as dolt_row_hash). */
    public byte[] keylessRowHash(byte[] key) {
        if (!keyless) {
            throw new IllegalStateException("not a keyless table");
        }
        return (byte[]) keyDesc.decodeKey(key)[0];
    }

    private byte[] keylessKey(Object[] row) {
        Object[] v = new Object[row.length + 1];
        v[0] = 0L;
        System.arraycopy(row, 0, v, 1, row.length);
        return keyDesc.encodeKey(new Object[] {Hash.of(valueDesc.encodeValue(v)).bytes()});
    }

    public byte[] value(Object[] row) {
        return value(row, 1);
    }

    /** The value of a row; for keyless tables {@code count} is how many identical rows it stands for. */
    public byte[] value(Object[] row, long count) {
        row = stored(row);
        if (keyless) {
            Object[] v = new Object[row.length + 1];
            v[0] = count;
            System.arraycopy(row, 0, v, 1, row.length);
            return valueDesc.encodeValue(v);
        }
        Object[] v = new Object[valueCols.length + sortKeyedFields.length];
        for (int i = 0; i < valueCols.length; i++) {
            v[i] = row[valueCols[i]];
        }
        for (int j = 0; j < sortKeyedFields.length; j++) {
            v[valueCols.length + j] = row[keyCols[sortKeyedFields[j]]];
        }
        return valueDesc.encodeValue(v);
    }

    /** Rebuilds the full row from a stored entry. */
    public Object[] decode(byte[] key, byte[] value) {
        Object[] row = new Object[schema.columns().size()];
        if (keyless) {
            Object[] v = valueDesc.decodeValue(value);
            System.arraycopy(v, 1, row, 0, row.length);
            return fromStored(row);
        }
        Object[] k = keyDesc.decodeKey(key);
        for (int i = 0; i < keyCols.length; i++) {
            row[keyCols[i]] = k[i];
        }
        Object[] v = valueDesc.decodeValue(value);
        for (int i = 0; i < valueCols.length && i < v.length; i++) {
            row[valueCols[i]] = v[i];
        }
        keyTextFromValue(row, v);
        return fromStored(row);
    }

    /**
     * The value fields that a reader of the columns marked in {@code columns} (schema order) has to decode, for
     * {@link #decode(byte[], byte[], boolean[])}. Null, meaning all, when {@code columns} is null, the table is
     * keyless, or every value column is wanted.
     */
    public boolean[] valueFieldsFor(boolean[] columns) {
        if (columns == null || keyless) {
            return null;
        }
        boolean[] fields = new boolean[valueDesc.size()];
        boolean all = true;
        for (int i = 0; i < valueCols.length; i++) {
            fields[i] = valueCols[i] < columns.length && columns[valueCols[i]];
            all &= fields[i];
        }
        for (int i = valueCols.length; i < fields.length; i++) {
            fields[i] = true; // the text of a sort-keyed key column: key columns are always decoded
        }
        return all ? null : fields;
    }

    /**
     * Whether a reader of the columns marked in {@code columns} (schema order; null: all) reads a key column, so that
     * {@link #decode(ProllyCursor, boolean[], boolean)} must decode the key. Keyless tables always do.
     */
    public boolean keyWanted(boolean[] columns) {
        if (columns == null || keyless) {
            return true;
        }
        for (int c : keyCols) {
            if (c >= columns.length || columns[c]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rebuilds a row from a stored entry, decoding only the value fields marked in {@code valueFields} (from
     * {@link #valueFieldsFor}; null: all); the columns of the others are null. The key columns are always decoded.
     * A range scan that projects {@code c} of sysbench's rows so skips building the {@code pad} string.
     */
    public Object[] decode(byte[] key, byte[] value, boolean[] valueFields) {
        if (valueFields == null || keyless) {
            return decode(key, value);
        }
        Object[] row = new Object[schema.columns().size()];
        Object[] k = keyDesc.decodeKey(key);
        for (int i = 0; i < keyCols.length; i++) {
            row[keyCols[i]] = k[i];
        }
        Object[] v = valueDesc.decodeWantedFields(value, withKeyText(valueFields));
        for (int i = 0; i < valueCols.length && i < v.length; i++) {
            row[valueCols[i]] = v[i];
        }
        keyTextFromValue(row, v);
        return fromStored(row);
    }

    /**
     * The row at a cursor's current entry, decoding only the value fields marked in {@code valueFields} (null: all)
     * straight from the tree node, without copying the value out. Keyless tables decode the whole entry.
     */
    public Object[] decode(ProllyCursor cursor, boolean[] valueFields) {
        return decode(cursor, valueFields, true);
    }

    /**
     * {@link #decode(ProllyCursor, boolean[])}, leaving the key columns null unless {@code withKey} (see
     * {@link #keyWanted}): a range that reads only value columns neither copies nor decodes each entry's key.
     */
    public Object[] decode(ProllyCursor cursor, boolean[] valueFields, boolean withKey) {
        if (keyless) {
            return decode(cursor.key(), cursor.value());
        }
        Object[] row = new Object[schema.columns().size()];
        if (withKey) {
            Object[] k = keyDesc.decodeKey(cursor.key());
            for (int i = 0; i < keyCols.length; i++) {
                row[keyCols[i]] = k[i];
            }
        }
        Object[] v = cursor.decodeValue(valueDesc, valueFields != null ? withKeyText(valueFields) : allValueFields);
        for (int i = 0; i < valueCols.length && i < v.length; i++) {
            row[valueCols[i]] = v[i];
        }
        keyTextFromValue(row, v);
        return fromStored(row);
    }

    /** {@code valueFields} also asking for the text fields of sort-keyed key columns, which callers may not know. */
    private boolean[] withKeyText(boolean[] valueFields) {
        if (sortKeyedFields.length == 0
                || valueFields.length == valueDesc.size() && valueFields[valueFields.length - 1]) {
            return valueFields;
        }
        boolean[] out = java.util.Arrays.copyOf(valueFields, valueDesc.size());
        java.util.Arrays.fill(out, valueCols.length, out.length, true);
        return out;
    }

    /** Puts back the text of the sort-keyed key columns, which their keys hold only as sort keys. */
    private void keyTextFromValue(Object[] row, Object[] v) {
        for (int j = 0; j < sortKeyedFields.length; j++) {
            int f = valueCols.length + j;
            row[keyCols[sortKeyedFields[j]]] = f < v.length ? v[f] : null;
        }
    }

    /** For keyless tables: how many identical rows an entry stands for; 1 for keyed tables. */
    public long count(byte[] value) {
        if (!keyless) {
            return 1;
        }
        Object c = valueDesc.decodeValueField(value, 0);
        return c == null ? 1 : ((Number) c).longValue();
    }

    /** Codec for the entries of one secondary index: index columns then the row key, with an empty value. */
    public IndexCodec indexCodec(IndexDef index) {
        return new IndexCodec(schema, index, this);
    }
}
