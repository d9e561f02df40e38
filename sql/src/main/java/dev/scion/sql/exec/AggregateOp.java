package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hash aggregation: groups by key columns and folds aggregate functions over each group. */
public final class AggregateOp implements Operator {
    public enum Function { COUNT, SUM, MIN, MAX, AVG, SINGLE_VALUE, ANY_VALUE }

    /** {@code args} empty means COUNT(*). */
    public record Call(Function function, int[] args, boolean distinct, int filterArg) {
    }

    private final Operator input;
    private final int[] groupKeys;
    private final List<Call> calls;

    public AggregateOp(Operator input, int[] groupKeys, List<Call> calls) {
        this.input = input;
        this.groupKeys = groupKeys;
        this.calls = calls;
    }

    private static final class GroupKey {
        final Object[] values;
        final int hash;

        GroupKey(Object[] values) {
            this.values = values;
            int h = 1;
            for (Object v : values) {
                h = 31 * h + (v == null ? 0 : v instanceof Number n ? Double.hashCode(n.doubleValue())
                        : v instanceof String s ? s.toLowerCase().hashCode() : v.hashCode());
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof GroupKey g) || g.values.length != values.length) {
                return false;
            }
            for (int i = 0; i < values.length; i++) {
                Object a = values[i];
                Object b = g.values[i];
                if (a == null || b == null) {
                    if (a != b) {
                        return false;
                    }
                } else if (Values.compare(a, b) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Fresh accumulators for this operator's calls (also used by {@link WindowOp} over a frame). */
    Accumulators accumulators() {
        return new Accumulators();
    }

    final class Accumulators {
        final Object[] state = new Object[calls.size()];
        final long[] counts = new long[calls.size()];
        final List<Set<GroupKey>> seen = new ArrayList<>();

        Accumulators() {
            for (Call c : calls) {
                seen.add(c.distinct() ? new HashSet<>() : null);
            }
        }

        void add(Object[] row) {
            for (int i = 0; i < calls.size(); i++) {
                Call c = calls.get(i);
                if (c.filterArg() >= 0 && !Boolean.TRUE.equals(Values.truth(row[c.filterArg()]))) {
                    continue;
                }
                Object v = c.args().length == 0 ? Boolean.TRUE : row[c.args()[0]];
                if (c.args().length > 1) {
                    for (int a : c.args()) {
                        if (row[a] == null) {
                            v = null;
                        }
                    }
                }
                if (v == null && c.function() != Function.SINGLE_VALUE && c.function() != Function.ANY_VALUE) {
                    continue;
                }
                if (c.distinct()) {
                    Object[] key = new Object[c.args().length];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = row[c.args()[k]];
                    }
                    if (!seen.get(i).add(new GroupKey(key))) {
                        continue;
                    }
                }
                counts[i]++;
                switch (c.function()) {
                    case COUNT -> {
                    }
                    case SUM, AVG -> state[i] = state[i] == null ? numeric(v) : Values.add(state[i], numeric(v));
                    case MIN -> state[i] = state[i] == null || Values.compare(v, state[i]) < 0 ? v : state[i];
                    case MAX -> state[i] = state[i] == null || Values.compare(v, state[i]) > 0 ? v : state[i];
                    case SINGLE_VALUE -> {
                        if (counts[i] > 1) {
                            throw new SqlError(ErrorCode.SUBQUERY_NO_1_ROW, "Subquery returns more than 1 row");
                        }
                        state[i] = v;
                    }
                    case ANY_VALUE -> {
                        if (counts[i] == 1) {
                            state[i] = v;
                        }
                    }
                }
            }
        }

        Object result(int i) {
            Call c = calls.get(i);
            return switch (c.function()) {
                case COUNT -> counts[i];
                case AVG -> counts[i] == 0 ? null : state[i] instanceof Double d ? (Object) (d / counts[i])
                        : Values.toDecimal(state[i]).divide(BigDecimal.valueOf(counts[i]),
                        Math.max(0, Values.toDecimal(state[i]).scale()) + 4, RoundingMode.HALF_UP);
                default -> state[i];
            };
        }
    }

    private static Object numeric(Object v) {
        return v instanceof String ? Values.toDouble(v) : v;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        Map<GroupKey, Accumulators> groups = new LinkedHashMap<>();
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                Object[] key = new Object[groupKeys.length];
                for (int i = 0; i < key.length; i++) {
                    key[i] = r[groupKeys[i]];
                }
                groups.computeIfAbsent(new GroupKey(key), k -> new Accumulators()).add(r);
            }
        }
        if (groups.isEmpty() && groupKeys.length == 0) {
            groups.put(new GroupKey(new Object[0]), new Accumulators());
        }
        List<Object[]> out = new ArrayList<>(groups.size());
        for (Map.Entry<GroupKey, Accumulators> e : groups.entrySet()) {
            Object[] row = Arrays.copyOf(e.getKey().values, groupKeys.length + calls.size());
            for (int i = 0; i < calls.size(); i++) {
                row[groupKeys.length + i] = e.getValue().result(i);
            }
            out.add(row);
        }
        return RowStream.of(out);
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder("Aggregate group=").append(java.util.Arrays.toString(groupKeys));
        for (Call c : calls) {
            sb.append(' ').append(c.function()).append(c.distinct() ? "(DISTINCT " : "(")
                    .append(java.util.Arrays.toString(c.args())).append(')');
        }
        return sb.toString();
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
