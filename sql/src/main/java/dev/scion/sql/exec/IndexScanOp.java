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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the rows of a keyed table whose secondary-index entries fall in some key ranges of that index: the
 * matching row keys are collected from the index, then each row is fetched from the primary tree. Rows come out in
 * primary key order (the keys are sorted and de-duplicated first), as a table scan returns them, so a query's
 * unordered result does not depend on which access path was chosen.
 */
public final class IndexScanOp implements Operator {
    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    private final IndexDef index;
    private final List<KeyRange> ranges;
    /** The columns (schema order) the query reads, or null for all: only these are decoded from each row. */
    private final boolean[] columns;

    public IndexScanOp(DatabaseState database, String name, TableValue table, IndexDef index, List<KeyRange> ranges) {
        this(database, name, table, index, ranges, null);
    }

    public IndexScanOp(DatabaseState database, String name, TableValue table, IndexDef index, List<KeyRange> ranges,
                       boolean[] columns) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.index = index;
        this.ranges = List.copyOf(ranges);
        this.columns = columns == null ? null : columns.clone();
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowCodec codec = SchemaCodecs.of(table).rows();
        boolean[] fields = codec.valueFieldsFor(columns);
        IndexCodec indexCodec = IndexTrees.codec(table, index);
        ProllyMap entries = IndexTrees.load(database, name, table, index);
        List<byte[]> keys = new ArrayList<>();
        for (KeyRange range : ranges) {
            try (ProllyCursor c = entries.cursor(range, false)) {
                while (c.next()) {
                    ctx.checkCancelled();
                    keys.add(indexCodec.rowKey(c.key()));
                }
            }
        }
        keys.sort(Arrays::compareUnsigned);
        ProllyMap rows = ProllyMap.load(database.buffer(), table.rows());
        return new RowStream() {
            int next;
            byte[] previous;

            @Override
            public Object[] next() {
                while (next < keys.size()) {
                    byte[] key = keys.get(next++);
                    if (previous != null && Arrays.equals(previous, key)) {
                        continue; // ranges of a condition like k = 1 OR k BETWEEN 0 AND 2 overlap
                    }
                    previous = key;
                    byte[] value = rows.get(key);
                    if (value != null) {
                        return codec.decode(key, value, fields);
                    }
                }
                return null;
            }
        };
    }

    @Override
    public String explain() {
        return "IndexScan " + name + " " + index.name() + " " + ranges.size() + (ranges.size() == 1 ? " range" : " ranges");
    }
}
