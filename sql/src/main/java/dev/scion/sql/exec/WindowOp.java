package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Window functions: for each window group (same PARTITION BY / ORDER BY / frame), appends one column per function
 * to every input row. Supported: ROW_NUMBER, RANK, DENSE_RANK, and COUNT/SUM/AVG/MIN/MAX over the whole partition
 * (no ORDER BY, or an unbounded frame) or a running frame from the partition start to the current row (ROWS) or
 * to its last peer (RANGE, the default with ORDER BY). Rows keep their input order. {@code constants} are the
 * window's literal operands, addressed after the input columns as Calcite numbers them.
 */
public final class WindowOp implements Operator {
    public enum Rank { ROW_NUMBER, RANK, DENSE_RANK }

    /** One function: a ranking function, or an aggregate call evaluated with {@link AggregateOp}'s accumulators. */
    public record Function(Rank rank, AggregateOp.Call aggregate) {
    }

    /** Frame shapes supported. */
    public enum Frame { PARTITION, RUNNING_ROWS, RUNNING_RANGE }

    public record Group(int[] partitionKeys, List<SortOp.Key> orderKeys, Frame frame, List<Function> functions) {
    }

    private final Operator input;
    private final int inputWidth;
    private final Object[] constants;
    private final List<Group> groups;

    public WindowOp(Operator input, int inputWidth, Object[] constants, List<Group> groups) {
        this.input = input;
        this.inputWidth = inputWidth;
        this.constants = constants;
        this.groups = groups;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        int extra = 0;
        for (Group g : groups) {
            extra += g.functions().size();
        }
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                Object[] wide = Arrays.copyOf(r, inputWidth + constants.length + extra);
                System.arraycopy(constants, 0, wide, inputWidth, constants.length);
                rows.add(wide);
            }
        }
        int out = inputWidth + constants.length;
        for (Group g : groups) {
            evaluate(g, rows, out);
            out += g.functions().size();
        }
        List<Object[]> result = new ArrayList<>(rows.size());
        for (Object[] w : rows) {
            // drop the constants: output = input columns, then the window columns
            Object[] o = new Object[inputWidth + extra];
            System.arraycopy(w, 0, o, 0, inputWidth);
            System.arraycopy(w, inputWidth + constants.length, o, inputWidth, extra);
            result.add(o);
        }
        return RowStream.of(result);
    }

    private void evaluate(Group g, List<Object[]> rows, int firstColumn) {
        List<SortOp.Key> partitionOrder = new ArrayList<>();
        for (int k : g.partitionKeys()) {
            partitionOrder.add(new SortOp.Key(k, false));
        }
        Comparator<Object[]> byPartition = SortOp.comparator(partitionOrder);
        Comparator<Object[]> byOrder = SortOp.comparator(g.orderKeys());
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(byPartition.thenComparing(byOrder));
        List<AggregateOp.Call> calls = new ArrayList<>();
        for (Function f : g.functions()) {
            if (f.aggregate() != null) {
                calls.add(f.aggregate());
            }
        }
        AggregateOp aggregates = new AggregateOp(null, new int[0], calls);
        int start = 0;
        while (start < sorted.size()) {
            int end = start + 1;
            while (end < sorted.size() && byPartition.compare(sorted.get(start), sorted.get(end)) == 0) {
                end++;
            }
            partition(g, sorted.subList(start, end), byOrder, aggregates, firstColumn);
            start = end;
        }
    }

    private void partition(Group g, List<Object[]> part, Comparator<Object[]> byOrder, AggregateOp aggregates,
                           int firstColumn) {
        AggregateOp.Accumulators whole = null;
        if (g.frame() == Frame.PARTITION) {
            whole = aggregates.accumulators();
            for (Object[] r : part) {
                whole.add(r);
            }
        }
        AggregateOp.Accumulators running = aggregates.accumulators();
        int added = 0;
        long rank = 0;
        long dense = 0;
        for (int i = 0; i < part.size(); i++) {
            Object[] row = part.get(i);
            boolean newPeer = i == 0 || byOrder.compare(part.get(i - 1), row) != 0;
            if (newPeer) {
                rank = i + 1;
                dense++;
            }
            AggregateOp.Accumulators acc = whole;
            if (g.frame() == Frame.RUNNING_ROWS) {
                running.add(row);
                acc = running;
            } else if (g.frame() == Frame.RUNNING_RANGE) {
                // include every peer of the current row
                while (added < part.size() && (added <= i || byOrder.compare(part.get(added), row) == 0)) {
                    running.add(part.get(added++));
                }
                acc = running;
            }
            int col = firstColumn;
            int aggIndex = 0;
            for (Function f : g.functions()) {
                if (f.rank() != null) {
                    row[col++] = switch (f.rank()) {
                        case ROW_NUMBER -> (long) (i + 1);
                        case RANK -> rank;
                        case DENSE_RANK -> dense;
                    };
                } else {
                    if (acc == null) {
                        throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "window frame");
                    }
                    row[col++] = acc.result(aggIndex++);
                }
            }
        }
    }

    @Override
    public String explain() {
        return "Window " + groups.size() + " groups";
    }

    @Override
    public List<Operator> inputs() {
        return List.of(input);
    }
}
