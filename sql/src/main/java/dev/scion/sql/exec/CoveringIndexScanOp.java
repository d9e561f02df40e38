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
import java.util.Map;

/**
 * {@link IndexScanOp} for a query that uses only the index's columns and the primary key: the rows are made from
 * the index entries alone (the other columns stay null) and the primary tree is not read. sysbench's
 * {@code SELECT count(k) ... WHERE k BETWEEN ...} reads thousands of entries per query on a 1M-row table, and
 * fetching each row cost ten times what reading its entry does. Rows come out in primary key order, each once,
 * as from {@link IndexScanOp}; that takes collecting every entry's row and sorting them by key. A consumer that does
 * not care about the order ({@link #inAnyOrder}: {@code count}, {@code sum}, {@code min}, {@code max} without
 * groups, as sysbench's {@code select_random_ranges}) gets the rows in index order instead, streamed one entry at a
 * time with nothing collected or sorted.
 */
public final class CoveringIndexScanOp implements Operator {
    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    private final IndexDef index;
    private final List<KeyRange> ranges;
    private final boolean keyOrder;

    public CoveringIndexScanOp(DatabaseState database, String name, TableValue table, IndexDef index,
                               List<KeyRange> ranges) {
        this(database, name, table, index, ranges, true);
    }

    private CoveringIndexScanOp(DatabaseState database, String name, TableValue table, IndexDef index,
                                List<KeyRange> ranges, boolean keyOrder) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.index = index;
        this.ranges = List.copyOf(ranges);
        this.keyOrder = keyOrder;
    }

    /** The same read for a consumer indifferent to row order: rows stream in index order. */
    public CoveringIndexScanOp inAnyOrder() {
        return new CoveringIndexScanOp(database, name, table, index, ranges, false);
    }

    @Override
    public RowStream open(ExecContext ctx) {
        if (!keyOrder) {
            return new IndexOrderStream(ctx);
        }
        EntryRows entryRows = new EntryRows();
        ProllyMap entries = IndexTrees.load(database, name, table, index);
        List<Map.Entry<byte[], Object[]>> rows = new ArrayList<>();
        for (KeyRange range : ranges) {
            try (ProllyCursor c = entries.cursor(range, false)) {
                while (c.next()) {
                    ctx.checkCancelled();
                    byte[] key = c.key();
                    rows.add(Map.entry(entryRows.indexCodec.rowKey(key), entryRows.row(key)));
                }
            }
        }
        rows.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        return new RowStream() {
            int next;
            byte[] previous;

            @Override
            public Object[] next() {
                while (next < rows.size()) {
                    Map.Entry<byte[], Object[]> e = rows.get(next++);
                    if (previous != null && Arrays.equals(previous, e.getKey())) {
                        continue; // ranges of a condition like k = 1 OR k BETWEEN 0 AND 2 overlap
                    }
                    previous = e.getKey();
                    return e.getValue();
                }
                return null;
            }
        };
    }

    @Override
    public String explain() {
        return "CoveringIndexScan " + name + " " + index.name() + " " + ranges.size()
                + (ranges.size() == 1 ? " range" : " ranges") + (keyOrder ? "" : " in index order");
    }

    /** Makes a table row (other columns null) from an index entry's key: the index columns, then the primary key. */
    private final class EntryRows {
        final IndexCodec indexCodec;
        private final int[] indexColumns;
        private final int[] keyColumns;
        private final int width;

        EntryRows() {
            RowCodec codec = SchemaCodecs.of(table).rows();
            this.indexCodec = IndexTrees.codec(table, index);
            this.indexColumns = indexCodec.indexColumns();
            this.keyColumns = codec.keyColumns();
            this.width = table.schema().columns().size();
        }

        Object[] row(byte[] key) {
            Object[] fields = indexCodec.descriptor().decodeKey(key);
            Object[] row = new Object[width];
            for (int i = 0; i < indexColumns.length; i++) {
                row[indexColumns[i]] = fields[i];
            }
            for (int i = 0; i < keyColumns.length; i++) {
                row[keyColumns[i]] = fields[indexColumns.length + i];
            }
            return row;
        }
    }

    /**
     * The entries of the ranges in index order, each once, each made into a row as it is read. The ranges are
     * visited by ascending start (an inclusive start before an exclusive one at the same key), so an entry that an
     * earlier range already gave lies at or below the last entry given (it is in that earlier range, which starts no
     * later): skipping those keys drops exactly the overlaps of a condition like {@code k = 1 OR k BETWEEN 0 AND 2}.
     */
    private final class IndexOrderStream implements RowStream {
        private final ExecContext ctx;
        private final EntryRows entryRows = new EntryRows();
        private final ProllyMap entries;
        private final KeyRange[] ordered;
        private int nextRange;
        private ProllyCursor cursor;
        private byte[] last;

        IndexOrderStream(ExecContext ctx) {
            this.ctx = ctx;
            this.entries = IndexTrees.load(database, name, table, index);
            this.ordered = ranges.toArray(new KeyRange[0]);
            Arrays.sort(ordered, CoveringIndexScanOp::byStart);
        }

        @Override
        public Object[] next() {
            while (true) {
                if (cursor == null) {
                    if (nextRange == ordered.length) {
                        return null;
                    }
                    cursor = entries.cursor(ordered[nextRange++], false);
                }
                if (!cursor.next()) {
                    cursor.close();
                    cursor = null;
                    continue;
                }
                ctx.checkCancelled();
                byte[] key = cursor.key();
                if (last != null && Arrays.compareUnsigned(key, last) <= 0) {
                    continue;
                }
                last = key;
                return entryRows.row(key);
            }
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }

    /** Ranges by their start: unbounded first, then by key, an inclusive start before an exclusive one. */
    private static int byStart(KeyRange a, KeyRange b) {
        if (a.start() == null || b.start() == null) {
            return a.start() == null ? (b.start() == null ? 0 : -1) : 1;
        }
        int c = Arrays.compareUnsigned(a.start(), b.start());
        if (c != 0) {
            return c;
        }
        return a.startInclusive() == b.startInclusive() ? 0 : (a.startInclusive() ? -1 : 1);
    }
}
