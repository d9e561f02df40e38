package dev.scion.sql.exec;

import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GROUP BY ... WITH ROLLUP (and other grouping sets): the input is read once, then aggregated once per grouping
 * set; a group column outside the set is NULL in that set's rows, and GROUPING(col) is 1 there. Rows come out in
 * group order with each super-aggregate row after the rows it sums up, the order MySQL's ROLLUP shows.
 */
public final class GroupingSetsOp implements Operator {
    /** An output aggregate: a call of {@link AggregateOp}, or GROUPING over {@code groupingArgs} (input columns). */
    public record Output(AggregateOp.Call call, int[] groupingArgs) {
    }

    private final Operator input;
    private final int[] groupKeys;
    private final List<int[]> sets;
    private final List<Output> outputs;

    public GroupingSetsOp(Operator input, int[] groupKeys, List<int[]> sets, List<Output> outputs) {
        this.input = input;
        this.groupKeys = groupKeys;
        this.sets = sets;
        this.outputs = outputs;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                rows.add(r);
            }
        }
        List<AggregateOp.Call> calls = new ArrayList<>();
        for (Output o : outputs) {
            if (o.call() != null) {
                calls.add(o.call());
            }
        }
        List<Object[]> out = new ArrayList<>();
        List<boolean[]> present = new ArrayList<>();
        for (int[] set : sets) {
            if (rows.isEmpty() && set.length > 0) {
                continue; // only the grand total of an empty input has a row
            }
            AggregateOp agg = new AggregateOp(new ValuesOp(rows), set, calls);
            try (RowStream grouped = agg.open(ctx)) {
                Object[] g;
                while ((g = grouped.next()) != null) {
                    Object[] row = new Object[groupKeys.length + outputs.size()];
                    boolean[] has = new boolean[groupKeys.length];
                    for (int k = 0; k < groupKeys.length; k++) {
                        int at = indexOf(set, groupKeys[k]);
                        has[k] = at >= 0;
                        row[k] = at >= 0 ? g[at] : null;
                    }
                    int callIndex = 0;
                    for (int o = 0; o < outputs.size(); o++) {
                        Output output = outputs.get(o);
                        if (output.call() != null) {
                            row[groupKeys.length + o] = g[set.length + callIndex++];
                        } else {
                            long bits = 0;
                            for (int arg : output.groupingArgs()) {
                                bits = bits * 2 + (indexOf(set, arg) >= 0 ? 0 : 1);
                            }
                            row[groupKeys.length + o] = bits;
                        }
                    }
                    out.add(row);
                    present.add(has);
                }
            }
        }
        Integer[] order = new Integer[out.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> {
            for (int k = 0; k < groupKeys.length; k++) {
                boolean hx = present.get(x)[k];
                boolean hy = present.get(y)[k];
                if (hx != hy) {
                    return hx ? -1 : 1; // the rolled-up row follows the rows it sums up
                }
                if (hx) {
                    Object a = out.get(x)[k];
                    Object b = out.get(y)[k];
                    int c = a == null ? (b == null ? 0 : -1) : b == null ? 1 : Values.compare(a, b);
                    if (c != 0) {
                        return c;
                    }
                }
            }
            return 0;
        });
        List<Object[]> sorted = new ArrayList<>(out.size());
        for (Integer i : order) {
            sorted.add(out.get(i));
        }
        return RowStream.of(sorted);
    }

    private static int indexOf(int[] set, int column) {
        for (int i = 0; i < set.length; i++) {
            if (set[i] == column) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder("GroupingSets group=").append(Arrays.toString(groupKeys)).append(" sets=");
        for (int[] s : sets) {
            sb.append(Arrays.toString(s));
        }
        return sb.toString();
    }

    @Override
    public List<Operator> inputs() {
        return List.of(input);
    }
}
