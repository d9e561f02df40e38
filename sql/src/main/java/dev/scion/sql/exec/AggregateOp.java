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
    public enum Function {
        COUNT, SUM, MIN, MAX, AVG, SINGLE_VALUE, ANY_VALUE,
        /** MySQL's statistics, all DOUBLE: STD/STDDEV/STDDEV_POP, STDDEV_SAMP, VARIANCE/VAR_POP, VAR_SAMP. */
        STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP,
        /** Bitwise folds over the 64-bit unsigned values; BIT_AND of no rows is 2^64-1, the others 0. */
        BIT_AND, BIT_OR, BIT_XOR,
        /** GROUP_CONCAT: args[0] is the value, args[1] (if present) the separator. */
        GROUP_CONCAT,
        /** JSON_ARRAYAGG(value) and JSON_OBJECTAGG(key, value). */
        JSON_ARRAYAGG, JSON_OBJECTAGG
    }

    /**
     * {@code args} empty means COUNT(*). {@code orderKeys}/{@code descending}: GROUP_CONCAT's ORDER BY, input
     * columns and directions (empty for every other function).
     */
    public record Call(Function function, int[] args, boolean distinct, int filterArg, int[] orderKeys,
                       boolean[] descending) {
        public Call(Function function, int[] args, boolean distinct, int filterArg) {
            this(function, args, distinct, filterArg, new int[0], new boolean[0]);
        }
    }

    /** MySQL's default group_concat_max_len, used where no session is at hand (window frames). */
    private static final long DEFAULT_GROUP_CONCAT_MAX = 1024;
    private long groupConcatMax = DEFAULT_GROUP_CONCAT_MAX;
    private ExecContext context;

    private final Operator input;
    private final int[] groupKeys;
    private final List<Call> calls;
    private static final Object[] NO_OBJECTS = {};
    private static final long[] NO_LONGS = {};
    private static final double[] NO_DOUBLES = {};

    /** Per group key, the collation its strings group by (null: binary); null when all are binary. */
    private String[] collations;

    public AggregateOp(Operator input, int[] groupKeys, List<Call> calls) {
        this.input = input;
        this.groupKeys = groupKeys;
        this.calls = calls;
    }

    /**
     * Groups strings of the given keys by their collation ({@code 'a'} and {@code 'A'} are one group under a
     * {@code _ci} collation; the group shows the first value seen). Entries are null for binary keys.
     */
    public AggregateOp withCollations(String[] keyCollations) {
        this.collations = keyCollations;
        return this;
    }

    /** Per call, the collation of its (first) argument's strings (null: binary); null when all are binary. */
    private String[] argCollations;

    /**
     * Makes MIN / MAX and the DISTINCT of each call compare strings by the collation of the call's argument
     * ({@code MAX(c)} of 'a' and 'B' under a {@code _ci} collation is 'B'). Entries are null for binary ones.
     */
    public AggregateOp withArgumentCollations(String[] perCall) {
        this.argCollations = perCall;
        return this;
    }

    private int compareArg(int call, Object a, Object b) {
        String coll = argCollations == null ? null : argCollations[call];
        return coll != null && a instanceof String x && b instanceof String y
                ? dev.scion.sql.catalog.Collations.compare(coll, x, y) : Values.compare(a, b);
    }

    private static final class GroupKey {
        final Object[] values;
        final String[] collations;
        final int hash;

        GroupKey(Object[] values) {
            this(values, null);
        }

        GroupKey(Object[] values, String[] collations) {
            this.values = values;
            this.collations = collations;
            int h = 1;
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                String coll = collations == null ? null : collations[i];
                h = 31 * h + (v == null ? 0 : v instanceof Number n ? Double.hashCode(n.doubleValue())
                        : v instanceof String s ? (coll != null ? dev.scion.sql.catalog.Collations.sortKey(coll, s)
                        : s).hashCode() : v.hashCode());
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
                } else if (collations != null && collations[i] != null && a instanceof String x
                        && b instanceof String y) {
                    if (dev.scion.sql.catalog.Collations.compare(collations[i], x, y) != 0) {
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

    /**
     * The accumulators of one group. Without calls (SELECT DISTINCT, GROUP BY without aggregates) a group needs no
     * state, so its arrays are shared empty ones instead of five new ones per group.
     */
    final class Accumulators {
        final Object[] state = calls.isEmpty() ? NO_OBJECTS : new Object[calls.size()];
        final long[] counts = calls.isEmpty() ? NO_LONGS : new long[calls.size()];
        final List<Set<GroupKey>> seen = new ArrayList<>(calls.size());
        /** Running mean and sum of squared deviations (Welford) for the statistics functions. */
        final double[] mean = calls.isEmpty() ? NO_DOUBLES : new double[calls.size()];
        final double[] m2 = calls.isEmpty() ? NO_DOUBLES : new double[calls.size()];

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
                if (c.function() == Function.JSON_ARRAYAGG) {
                    v = c.args().length == 0 ? null : row[c.args()[0]];
                    counts[i]++;
                    list(i).add(new Object[] {v});
                    continue; // JSON_ARRAYAGG keeps NULLs (as JSON null)
                }
                if (c.function() == Function.JSON_OBJECTAGG) {
                    if (row[c.args()[0]] == null) {
                        throw new SqlError(ErrorCode.JSON_DOCUMENT_NULL_KEY,
                                "JSON documents may not contain NULL member names.");
                    }
                    counts[i]++;
                    list(i).add(new Object[] {row[c.args()[0]], row[c.args()[1]]});
                    continue;
                }
                if (v == null && c.function() != Function.SINGLE_VALUE && c.function() != Function.ANY_VALUE) {
                    continue;
                }
                if (c.distinct()) {
                    Object[] key = new Object[c.args().length];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = row[c.args()[k]];
                    }
                    String coll = argCollations == null ? null : argCollations[i];
                    String[] keyColls = coll == null ? null : new String[key.length];
                    if (keyColls != null) {
                        java.util.Arrays.fill(keyColls, coll);
                    }
                    if (!seen.get(i).add(new GroupKey(key, keyColls))) {
                        continue;
                    }
                }
                counts[i]++;
                switch (c.function()) {
                    case COUNT -> {
                    }
                    case SUM, AVG -> state[i] = state[i] == null ? numeric(v) : sum(state[i], numeric(v));
                    case MIN -> state[i] = state[i] == null || compareArg(i, v, state[i]) < 0 ? v : state[i];
                    case MAX -> state[i] = state[i] == null || compareArg(i, v, state[i]) > 0 ? v : state[i];
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
                    case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> {
                        double x = Values.toDouble(v);
                        double delta = x - mean[i];
                        mean[i] += delta / counts[i];
                        m2[i] += delta * (x - mean[i]);
                    }
                    case BIT_AND, BIT_OR, BIT_XOR -> {
                        long bits = Values.toUnsignedBits(v);
                        long prev = state[i] == null ? (c.function() == Function.BIT_AND ? -1L : 0L) : (Long) state[i];
                        state[i] = switch (c.function()) {
                            case BIT_AND -> prev & bits;
                            case BIT_OR -> prev | bits;
                            default -> prev ^ bits;
                        };
                    }
                    case GROUP_CONCAT -> {
                        Object[] entry = new Object[1 + c.orderKeys().length];
                        entry[0] = v;
                        for (int k = 0; k < c.orderKeys().length; k++) {
                            entry[k + 1] = row[c.orderKeys()[k]];
                        }
                        list(i).add(entry);
                        if (c.args().length > 1 && separators[i] == null) {
                            separators[i] = Values.toStringValue(row[c.args()[1]]);
                        }
                    }
                    case JSON_ARRAYAGG, JSON_OBJECTAGG -> {
                    }
                }
            }
        }

        final String[] separators = new String[calls.size()];

        @SuppressWarnings("unchecked")
        private List<Object[]> list(int i) {
            if (state[i] == null) {
                state[i] = new ArrayList<Object[]>();
            }
            return (List<Object[]>) state[i];
        }

        Object result(int i) {
            Call c = calls.get(i);
            return switch (c.function()) {
                case COUNT -> counts[i];
                case STDDEV_POP -> counts[i] == 0 ? null : (Object) Math.sqrt(m2[i] / counts[i]);
                case VAR_POP -> counts[i] == 0 ? null : (Object) (m2[i] / counts[i]);
                case STDDEV_SAMP -> counts[i] < 2 ? null : (Object) Math.sqrt(m2[i] / (counts[i] - 1));
                case VAR_SAMP -> counts[i] < 2 ? null : (Object) (m2[i] / (counts[i] - 1));
                case BIT_AND, BIT_OR, BIT_XOR -> unsigned(state[i] == null
                        ? (c.function() == Function.BIT_AND ? -1L : 0L) : (Long) state[i]);
                case GROUP_CONCAT -> state[i] == null ? null : AggregateText.groupConcat(list(i), c,
                        separators[i] == null ? "," : separators[i], groupConcatMax, context);
                case JSON_ARRAYAGG -> state[i] == null ? null : AggregateText.jsonArray(list(i));
                case JSON_OBJECTAGG -> state[i] == null ? null : AggregateText.jsonObject(list(i));
                case AVG -> counts[i] == 0 ? null : state[i] instanceof Double d ? (Object) (d / counts[i])
                        : Values.toDecimal(state[i]).divide(BigDecimal.valueOf(counts[i]),
                        Math.max(0, Values.toDecimal(state[i]).scale()) + 4, RoundingMode.HALF_UP);
                default -> state[i];
            };
        }
    }

    private static Object unsigned(long bits) {
        return bits >= 0 ? (Object) bits : new java.math.BigInteger(Long.toUnsignedString(bits));
    }

    /**
     * A running SUM / AVG: MySQL sums integers as DECIMAL, so a total beyond BIGINT (or beyond BIGINT UNSIGNED) is
     * no overflow; a sum fitting a Long stays one.
     */
    private static Object sum(Object total, Object v) {
        boolean wide = total instanceof java.math.BigInteger || v instanceof java.math.BigInteger;
        if (total instanceof Long x && v instanceof Long y) {
            long s = x + y;
            wide = ((x ^ s) & (y ^ s)) < 0; // the signed sum overflowed
        }
        return wide ? Values.toDecimal(total).add(Values.toDecimal(v)) : Values.add(total, v);
    }

    private static Object numeric(Object v) {
        return v instanceof String ? Values.toDouble(v) : v;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        context = ctx;
        if (calls.stream().anyMatch(c -> c.function() == Function.GROUP_CONCAT) && ctx.session() != null) {
            Object max = ctx.session().variable("group_concat_max_len");
            groupConcatMax = max == null ? DEFAULT_GROUP_CONCAT_MAX : Values.toLong(max);
        }
        Map<GroupKey, Accumulators> groups = new LinkedHashMap<>();
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                Object[] key = new Object[groupKeys.length];
                for (int i = 0; i < key.length; i++) {
                    key[i] = r[groupKeys[i]];
                }
                groups.computeIfAbsent(new GroupKey(key, collations), k -> new Accumulators()).add(r);
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
