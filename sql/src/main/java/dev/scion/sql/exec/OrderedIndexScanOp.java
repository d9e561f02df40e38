package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;

import java.util.List;

/**
 * Reads a table's rows in the order of a secondary index (or its reverse): the index entries of some disjoint,
 * ascending key ranges are walked in order and each row is fetched from the primary tree as its entry comes, so an
 * {@code ORDER BY k LIMIT 10} reads ten entries and ten rows instead of sorting the table. Unlike
 * {@link IndexScanOp} nothing is collected first: rows stream, and a consumer that stops early stops the reading.
 */
public final class OrderedIndexScanOp implements Operator {
    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    private final IndexDef index;
    private final List<KeyRange> ranges;
    private final boolean reverse;
    /** The columns (schema order) the query reads, or null for all: only these are decoded from each row. */
    private final boolean[] columns;

    /** {@code ranges} must be disjoint and in ascending key order. */
    public OrderedIndexScanOp(DatabaseState database, String name, TableValue table, IndexDef index,
                              List<KeyRange> ranges, boolean reverse, boolean[] columns) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.index = index;
        this.ranges = List.copyOf(ranges);
        this.reverse = reverse;
        this.columns = columns == null ? null : columns.clone();
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowCodec codec = SchemaCodecs.of(table).rows();
        boolean[] fields = codec.valueFieldsFor(columns);
        IndexCodec indexCodec = IndexTrees.codec(table, index);
        ProllyMap entries = IndexTrees.load(database, name, table, index);
        ProllyMap rows = ProllyMap.load(database.buffer(), table.rows());
        return new RowStream() {
            int nextRange;
            ProllyCursor cursor;

            @Override
            public Object[] next() {
                while (true) {
                    if (cursor == null) {
                        if (nextRange == ranges.size()) {
                            return null;
                        }
                        int at = reverse ? ranges.size() - 1 - nextRange : nextRange;
                        nextRange++;
                        cursor = entries.cursor(ranges.get(at), reverse);
                    }
                    while (cursor.next()) {
                        ctx.checkCancelled();
                        byte[] key = indexCodec.rowKey(cursor.key());
                        byte[] value = rows.get(key);
                        if (value != null) {
                            return codec.decode(key, value, fields);
                        }
                    }
                    close();
                }
            }

            @Override
            public void close() {
                if (cursor != null) {
                    try {
                        cursor.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    cursor = null;
                }
            }
        };
    }

    @Override
    public String explain() {
        return "OrderedIndexScan " + name + " " + index.name() + (reverse ? " reverse " : " ") + ranges.size()
                + (ranges.size() == 1 ? " range" : " ranges");
    }
}
