package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;

/**
 * Reads a table's rows in primary key order (or its reverse) within a key range; a point range is a single lookup. Keyless
 * tables expand duplicate counts into repeated rows. When the query reads only some columns, only those are decoded
 * (the key too when it reads a key column or a point); the others are null in the rows it returns.
 */
public final class TableScanOp implements Operator {
    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    private final KeyRange range;
    private final byte[] pointKey;
    /** The columns (schema order) the query reads, or null for all of them. */
    private final boolean[] columns;
    /** Whether rows come in descending key order (an ORDER BY key DESC read from the end). */
    private final boolean reverse;

    public TableScanOp(DatabaseState database, String name, TableValue table, KeyRange range, byte[] pointKey) {
        this(database, name, table, range, pointKey, null);
    }

    public TableScanOp(DatabaseState database, String name, TableValue table, KeyRange range, byte[] pointKey,
                       boolean[] columns) {
        this(database, name, table, range, pointKey, columns, false);
    }

    public TableScanOp(DatabaseState database, String name, TableValue table, KeyRange range, byte[] pointKey,
                       boolean[] columns, boolean reverse) {
        this.reverse = reverse;
        this.database = database;
        this.name = name;
        this.table = table;
        this.range = range;
        this.pointKey = pointKey;
        this.columns = columns == null ? null : columns.clone();
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowCodec codec = SchemaCodecs.of(table).rows();
        boolean[] fields = codec.valueFieldsFor(columns);
        boolean key = codec.keyWanted(columns);
        ProllyMap map = ProllyMap.load(database.buffer(), table.rows());
        if (pointKey != null) {
            byte[] v = map.get(pointKey);
            Object[] row = v == null ? null : codec.decode(pointKey, v, fields);
            return new RowStream() {
                boolean done;

                @Override
                public Object[] next() {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return row;
                }
            };
        }
        ProllyCursor cursor = map.cursor(range, reverse);
        return new RowStream() {
            Object[] pending;
            long repeat;

            @Override
            public Object[] next() {
                if (repeat > 0) {
                    repeat--;
                    return pending.clone();
                }
                ctx.checkCancelled();
                if (!cursor.next()) {
                    return null;
                }
                Object[] row = codec.decode(cursor, fields, key);
                if (codec.keyless()) {
                    long n = codec.count(cursor.value());
                    if (n > 1) {
                        pending = row;
                        repeat = n - 1;
                    }
                }
                return row;
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

    @Override
    public String explain() {
        String access = pointKey != null ? "point" : range == KeyRange.ALL ? "full" : "range";
        return "TableScan " + name + " " + access + (reverse ? " reverse" : "");
    }
}
