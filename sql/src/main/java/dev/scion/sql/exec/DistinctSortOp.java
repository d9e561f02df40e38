package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code SELECT DISTINCT ... ORDER BY} when the order names every selected column and each compares as a binary
 * value: the input's distinct columns sorted, with each run of equal rows kept once. Rows that the sort finds equal
 * on every column are exactly the rows a hash aggregate would group together, so the sort does the grouping, and no
 * row needs a hash of its (often long) strings or a map entry (sysbench's {@code SELECT DISTINCT c ... ORDER BY c}).
 */
public final class DistinctSortOp implements Operator {
    private final Operator input;
    private final int[] columns;
    private final List<SortOp.Key> keys;

    /** {@code columns}: the input columns that make up each output row; {@code keys}: the order, over output rows. */
    public DistinctSortOp(Operator input, int[] columns, List<SortOp.Key> keys) {
        this.input = input;
        this.columns = columns.clone();
        this.keys = List.copyOf(keys);
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                Object[] row = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    row[i] = r[columns[i]];
                }
                rows.add(row);
            }
        }
        RowSorter.sort(rows, keys);
        Comparator<Object[]> order = SortOp.comparator(keys);
        List<Object[]> distinct = new ArrayList<>(rows.size());
        Object[] last = null;
        for (Object[] row : rows) {
            if (last == null || order.compare(last, row) != 0) {
                distinct.add(row);
                last = row;
            }
        }
        return RowStream.of(distinct);
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder("DistinctSort columns=").append(java.util.Arrays.toString(columns));
        for (SortOp.Key k : keys) {
            sb.append(' ').append(k.field()).append(k.descending() ? " DESC" : " ASC");
        }
        return sb.toString();
    }

    @Override
    public List<Operator> inputs() {
        return List.of(input);
    }
}
