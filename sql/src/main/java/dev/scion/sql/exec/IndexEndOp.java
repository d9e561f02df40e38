package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.KeyPrefix;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.SchemaCodecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MIN and MAX of key columns without a scan: an aggregate without GROUP BY whose every call is MIN(c) or MAX(c) of a
 * column that follows, in the primary key or an index, the leading columns the filter fixes by equality. Each value
 * is the first (MIN) or last (MAX) entry of the key range those fixed values start, after its NULLs: a NULL value's
 * field marker sorts below every value's, so the range starts at the value marker and MIN never meets a NULL, as
 * MySQL's MIN skips them. The filter still runs on each row read, so an entry it rejects is passed over. Gives the one
 * row the aggregate would, NULL where no row has a value.
 */
public final class IndexEndOp implements Operator {
    /** Byte that starts a non-NULL key field (docs/storage-format.md, "Keys: order-preserving"). */
    private static final byte VALUE_MARKER = 0x01;

    /**
     * One output column: the first or last row of {@code index} (null: the primary key) whose entry starts with
     * {@code prefix} (the encoded fixed columns, empty for none), table column {@code column} of that row.
     */
    public record End(IndexDef index, byte[] prefix, int column, boolean max) {
    }

    private final DatabaseState database;
    private final String name;
    private final TableValue table;
    private final List<End> ends;
    private final Expr filter;

    /** @param filter the scan's whole filter, tested on each row read (null: none) */
    public IndexEndOp(DatabaseState database, String name, TableValue table, List<End> ends, Expr filter) {
        this.database = database;
        this.name = name;
        this.table = table;
        this.ends = List.copyOf(ends);
        this.filter = filter;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowCodec codec = SchemaCodecs.of(table).rows();
        ProllyMap rows = ProllyMap.load(database.buffer(), table.rows());
        Object[] out = new Object[ends.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(ends.get(i), codec, rows, ctx);
        }
        List<Object[]> result = new ArrayList<>();
        result.add(out);
        return RowStream.of(result);
    }

    private Object value(End end, RowCodec codec, ProllyMap rows, ExecContext ctx) {
        ProllyMap tree = rows;
        var indexCodec = end.index() == null ? null : IndexTrees.codec(table, end.index());
        if (end.index() != null) {
            tree = IndexTrees.load(database, name, table, end.index());
        }
        byte[] start = Arrays.copyOf(end.prefix(), end.prefix().length + 1);
        start[end.prefix().length] = VALUE_MARKER;
        byte[] stop = end.prefix().length == 0 ? null : KeyPrefix.end(end.prefix());
        try (ProllyCursor cursor = tree.cursor(new KeyRange(start, true, stop, false), end.max())) {
            while (cursor.next()) {
                ctx.checkCancelled();
                Object[] row;
                if (indexCodec == null) {
                    row = codec.decode(cursor, null);
                } else {
                    byte[] rowKey = indexCodec.rowKey(cursor.key());
                    byte[] v = rows.get(rowKey);
                    if (v == null) {
                        continue;
                    }
                    row = codec.decode(rowKey, v);
                }
                if (filter != null && !Boolean.TRUE.equals(Values.truth(filter.eval(row, ctx)))) {
                    continue;
                }
                if (row[end.column()] != null) {
                    return row[end.column()];
                }
            }
        }
        return null;
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder("IndexEnd ").append(name);
        for (End e : ends) {
            sb.append(e.max() ? " MAX " : " MIN ").append(table.schema().columns().get(e.column()).name())
                    .append(" from ").append(e.index() == null ? "PRIMARY" : e.index().name());
            if (e.prefix().length > 0) {
                sb.append(" +prefix");
            }
        }
        return sb.append(filter == null ? "" : " +filter").toString();
    }

    @Override
    public List<Operator> inputs() {
        return List.of();
    }
}
