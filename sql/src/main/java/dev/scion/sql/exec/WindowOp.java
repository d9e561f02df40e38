package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Window functions: for each window group (same PARTITION BY / ORDER BY / frame), appends one column per function
 * to every input row. Ranking (ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE), navigation (LAG,
 * LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE) and COUNT/SUM/AVG/MIN/MAX over any ROWS frame, and RANGE frames bounded
 * by UNBOUNDED, CURRENT ROW (the current row's peers) or N PRECEDING / FOLLOWING on one numeric ORDER BY key.
 * The whole partition and the running frame (the common cases) are computed incrementally; other frames
 * aggregate their rows for each row. Rows keep their input order. {@code constants} are the window's literal
 * operands, addressed after the input columns as Calcite numbers them.
 */
public final class WindowOp implements Operator {
    public enum Rank { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE }

    public enum Navigation { LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE }

    /**
     * One function: a ranking function, a navigation function over {@code args} (column indexes: value, then
     * offset / n, then default), or an aggregate call evaluated with {@link AggregateOp}'s accumulators.
     */
    public record Function(Rank rank, AggregateOp.Call aggregate, Navigation navigation, int[] args) {
        public Function(Rank rank, AggregateOp.Call aggregate) {
            this(rank, aggregate, null, new int[0]);
        }
    }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** A frame bound; {@code offset} is the N of N PRECEDING / FOLLOWING. */
    public record Bound(BoundKind kind, Object offset) {
        public static Bound of(BoundKind kind) {
            return new Bound(kind, null);
        }
    }

    /** A frame: ROWS (positions) or RANGE (ORDER BY values) between two bounds. */
    public record Frame(boolean rows, Bound lower, Bound upper) {
        public static final Frame PARTITION = new Frame(true, Bound.of(BoundKind.UNBOUNDED_PRECEDING),
                Bound.of(BoundKind.UNBOUNDED_FOLLOWING));

        boolean wholePartition() {
            return lower.kind() == BoundKind.UNBOUNDED_PRECEDING && upper.kind() == BoundKind.UNBOUNDED_FOLLOWING;
        }

        boolean running() {
            return lower.kind() == BoundKind.UNBOUNDED_PRECEDING && upper.kind() == BoundKind.CURRENT_ROW;
        }
    }

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
        Frame frame = g.frame();
        int n = part.size();
        AggregateOp.Accumulators whole = null;
        if (frame.wholePartition()) {
            whole = aggregates.accumulators();
            for (Object[] r : part) {
                whole.add(r);
            }
        }
        AggregateOp.Accumulators running = aggregates.accumulators();
        int added = 0;
        long rank = 0;
        long dense = 0;
        int peersEnd = 0; // one past the last peer of the current row
        for (int i = 0; i < n; i++) {
            Object[] row = part.get(i);
            boolean newPeer = i == 0 || byOrder.compare(part.get(i - 1), row) != 0;
            if (newPeer) {
                rank = i + 1;
                dense++;
                peersEnd = i + 1;
                while (peersEnd < n && byOrder.compare(part.get(peersEnd), row) == 0) {
                    peersEnd++;
                }
            }
            int lo = frameStart(g, part, byOrder, i, (int) rank - 1);
            int hi = frameEnd(g, part, byOrder, i, peersEnd - 1);
            AggregateOp.Accumulators acc = whole;
            if (whole == null && frame.running()) {
                while (added <= hi) {
                    running.add(part.get(added++));
                }
                acc = running;
            } else if (whole == null && calls(g)) {
                acc = aggregates.accumulators();
                for (int j = lo; j <= hi; j++) {
                    acc.add(part.get(j));
                }
            }
            int col = firstColumn;
            int aggIndex = 0;
            for (Function f : g.functions()) {
                if (f.rank() != null) {
                    row[col++] = rank(f, row, i, n, rank, dense, peersEnd);
                } else if (f.navigation() != null) {
                    row[col++] = navigate(f, part, i, lo, hi);
                } else {
                    row[col++] = acc.result(aggIndex++);
                }
            }
        }
    }

    private static boolean calls(Group g) {
        for (Function f : g.functions()) {
            if (f.aggregate() != null) {
                return true;
            }
        }
        return false;
    }

    private static Object rank(Function f, Object[] row, int i, int n, long rank, long dense, int peersEnd) {
        return switch (f.rank()) {
            case ROW_NUMBER -> (long) (i + 1);
            case RANK -> rank;
            case DENSE_RANK -> dense;
            case PERCENT_RANK -> n <= 1 ? 0.0 : (double) (rank - 1) / (n - 1);
            case CUME_DIST -> (double) peersEnd / n;
            case NTILE -> {
                Object bucketsValue = row[f.args()[0]];
                long buckets = bucketsValue == null ? 0 : Values.toLong(bucketsValue);
                if (buckets <= 0) {
                    throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to ntile");
                }
                // the first (n % buckets) buckets hold one row more
                long size = n / buckets;
                long bigger = n % buckets;
                long inBig = bigger * (size + 1);
                yield i < inBig ? i / (size + 1) + 1 : bigger + (size == 0 ? 0 : (i - inBig) / size) + 1;
            }
        };
    }

    private static Object navigate(Function f, List<Object[]> part, int i, int lo, int hi) {
        int[] a = f.args();
        Object[] row = part.get(i);
        switch (f.navigation()) {
            case LAG, LEAD -> {
                long offset = a.length > 1 && row[a[1]] != null ? Values.toLong(row[a[1]]) : 1;
                if (offset < 0) { // a parameter bound to a negative number
                    throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                            "Incorrect arguments to " + f.navigation().name().toLowerCase(java.util.Locale.ROOT));
                }
                long at = f.navigation() == Navigation.LAG ? i - offset : i + offset;
                if (at < 0 || at >= part.size()) {
                    return a.length > 2 ? row[a[2]] : null;
                }
                return part.get((int) at)[a[0]];
            }
            case FIRST_VALUE -> {
                return lo > hi ? null : part.get(lo)[a[0]];
            }
            case LAST_VALUE -> {
                return lo > hi ? null : part.get(hi)[a[0]];
            }
            default -> {
                long nth = row[a[1]] == null ? 0 : Values.toLong(row[a[1]]);
                if (nth <= 0) {
                    throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to nth_value");
                }
                long at = lo + nth - 1;
                return at > hi ? null : part.get((int) at)[a[0]];
            }
        }
    }

    /** Index of the frame's first row for row {@code i} ({@code firstPeer}: index of its first peer). */
    private static int frameStart(Group g, List<Object[]> part, Comparator<Object[]> byOrder, int i, int firstPeer) {
        Bound b = g.frame().lower();
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case CURRENT_ROW -> g.frame().rows() ? i : firstPeer;
            case PRECEDING, FOLLOWING -> {
                boolean back = b.kind() == BoundKind.PRECEDING;
                if (g.frame().rows()) {
                    long off = Values.toLong(b.offset());
                    yield (int) Math.max(0, Math.min(part.size(), back ? i - off : i + off));
                }
                int j = 0;
                while (j < part.size() && !withinRangeFromBelow(g, part.get(j), part.get(i), b.offset(), back)) {
                    j++;
                }
                yield j;
            }
            case UNBOUNDED_FOLLOWING -> part.size();
        };
    }

    /** Index of the frame's last row for row {@code i} ({@code lastPeer}: index of its last peer). */
    private static int frameEnd(Group g, List<Object[]> part, Comparator<Object[]> byOrder, int i, int lastPeer) {
        Bound b = g.frame().upper();
        return switch (b.kind()) {
            case UNBOUNDED_FOLLOWING -> part.size() - 1;
            case CURRENT_ROW -> g.frame().rows() ? i : lastPeer;
            case PRECEDING, FOLLOWING -> {
                boolean back = b.kind() == BoundKind.PRECEDING;
                if (g.frame().rows()) {
                    long off = Values.toLong(b.offset());
                    yield (int) Math.max(-1, Math.min(part.size() - 1, back ? i - off : i + off));
                }
                int j = part.size() - 1;
                while (j >= 0 && !withinRangeFromAbove(g, part.get(j), part.get(i), b.offset(), back)) {
                    j--;
                }
                yield j;
            }
            case UNBOUNDED_PRECEDING -> -1;
        };
    }

    /** RANGE lower bound: row {@code r} is at or after (current value -/+ offset) in the ORDER BY direction. */
    private static boolean withinRangeFromBelow(Group g, Object[] r, Object[] current, Object offset, boolean back) {
        SortOp.Key key = rangeKey(g);
        Object v = r[key.field()];
        Object c = current[key.field()];
        if (c == null || v == null) {
            return c == null && v == null;
        }
        Object limit = shifted(c, offset, back != key.descending());
        int cmp = Values.compare(v, limit);
        return key.descending() ? cmp <= 0 : cmp >= 0;
    }

    /** RANGE upper bound: row {@code r} is at or before (current value -/+ offset) in the ORDER BY direction. */
    private static boolean withinRangeFromAbove(Group g, Object[] r, Object[] current, Object offset, boolean back) {
        SortOp.Key key = rangeKey(g);
        Object v = r[key.field()];
        Object c = current[key.field()];
        if (c == null || v == null) {
            return c == null && v == null;
        }
        Object limit = shifted(c, offset, back != key.descending());
        int cmp = Values.compare(v, limit);
        return key.descending() ? cmp >= 0 : cmp <= 0;
    }

    /**
     * The current ORDER BY value moved by a RANGE offset: a number by a number, a date or datetime by an interval
     * (a date moved by a part of a day becomes a datetime, which compares with the dates around it).
     */
    private static Object shifted(Object c, Object offset, boolean minus) {
        if (!(offset instanceof java.time.temporal.TemporalAmount amount)) {
            return minus ? Values.subtract(c, offset) : Values.add(c, offset);
        }
        if (amount instanceof java.time.Duration d) {
            if (c instanceof java.time.Duration time) {
                return minus ? time.minus(d) : time.plus(d);
            }
            if (c instanceof java.time.LocalDate date && d.equals(java.time.Duration.ofDays(d.toDays()))) {
                return minus ? date.minusDays(d.toDays()) : date.plusDays(d.toDays());
            }
        } else if (c instanceof java.time.LocalDate date) {
            return minus ? date.minus(amount) : date.plus(amount);
        }
        java.time.temporal.Temporal t = c instanceof java.time.LocalDate date ? date.atStartOfDay()
                : (java.time.temporal.Temporal) c;
        return minus ? t.minus(amount) : t.plus(amount);
    }

    private static SortOp.Key rangeKey(Group g) {
        if (g.orderKeys().size() != 1) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "RANGE N PRECEDING/FOLLOWING needs exactly one ORDER BY expression");
        }
        return g.orderKeys().get(0);
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
