package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;

/**
 * Finds the rows of a keyed table whose leading key columns equal given values: through the primary key (a point
 * read when every key column is given, else a prefix range of the row tree) or through a secondary index (a prefix
 * range of its entries, each row then read from the row tree). The key columns are ones whose encoding orders as
 * their values compare ({@link KeyValues}), and each outer value becomes the stored value it equals, so a lookup
 * finds exactly the rows whose columns equal the values (a value no stored one equals finds none).
 */
public final class KeyLookup {
    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    /** The secondary index searched, or null for the primary key. */
    private final IndexDef index;
    /** How many leading columns of the key (primary or index) the lookup values give. */
    private final int columns;

    public KeyLookup(DatabaseState database, String name, TableValue table, IndexDef index, int columns) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.index = index;
        this.columns = columns;
    }

    public String describe() {
        return name + " " + (index == null ? "PRIMARY" : index.name()) + " (" + columns
                + (columns == 1 ? " column)" : " columns)");
    }

    /** An opened lookup: reads the trees once per query, then answers any number of lookups. */
    final class Reader {
        private final RowCodec codec = SchemaCodecs.of(table).rows();
        private final ProllyMap rows = ProllyMap.load(database.buffer(), table.rows());
        private final ProllyMap entries;
        private final IndexCodec indexCodec;
        private final dev.scion.versioning.schema.ColumnType[] keyTypes =
                new dev.scion.versioning.schema.ColumnType[columns];
        private final TupleDescriptor prefix;

        Reader() {
            int[] keyColumns;
            if (index == null) {
                entries = null;
                indexCodec = null;
                keyColumns = codec.keyColumns();
            } else {
                entries = IndexTrees.load(database, name, table, index);
                indexCodec = IndexTrees.codec(table, index);
                keyColumns = indexCodec.indexColumns();
            }
            FieldType[] types = new FieldType[columns];
            for (int i = 0; i < columns; i++) {
                keyTypes[i] = table.schema().columns().get(keyColumns[i]).type();
                types[i] = keyTypes[i].fieldType();
            }
            prefix = new TupleDescriptor(types);
        }

        /** The rows whose key columns equal {@code values} (outer values, converted here); none for a NULL. */
        RowStream find(Object[] values, ExecContext ctx) {
            Object[] key = new Object[columns];
            for (int i = 0; i < columns; i++) {
                key[i] = KeyValues.exact(keyTypes[i], values[i]);
                if (key[i] == null) {
                    return RowStream.of(java.util.List.<Object[]>of());
                }
            }
            if (index == null && columns == codec.keyColumns().length) {
                byte[] k = codec.keyFromKeyValues(key);
                byte[] v = rows.get(k);
                return RowStream.of(v == null ? java.util.List.<Object[]>of()
                        : java.util.List.<Object[]>of(codec.decode(k, v)));
            }
            KeyRange range = KeyRange.prefix(prefix.encodeKey(key));
            ProllyCursor cursor = index == null ? rows.cursor(range, false) : entries.cursor(range, false);
            return new RowStream() {
                @Override
                public Object[] next() {
                    while (cursor.next()) {
                        ctx.checkCancelled();
                        if (index == null) {
                            return codec.decode(cursor, null);
                        }
                        byte[] rowKey = indexCodec.rowKey(cursor.key());
                        byte[] v = rows.get(rowKey);
                        if (v != null) {
                            return codec.decode(rowKey, v);
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                    try {
                        cursor.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }

    /** How many columns a row of the table has. */
    int tableWidth() {
        return table.schema().columns().size();
    }

    Reader open() {
        return new Reader();
    }
}
