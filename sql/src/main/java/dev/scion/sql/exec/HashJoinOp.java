package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.result.RowStream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An equi-join: the right side is loaded into a hash table on its key columns, then left rows probe it. A NULL key
 * never matches. {@code residual} (may be null) is the rest of the join condition, tested on each joined pair.
 * Keys are normalised so that values MySQL compares as equal (1, 1.0, 1e0) hash alike; the planner only builds this
 * operator when both sides of every key have the same kind of type.
 */
public final class HashJoinOp implements Operator {
    private final Operator left;
    private final Operator right;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final Expr residual;
    private final JoinKind kind;
    private final int leftWidth;
    private final int rightWidth;

    public HashJoinOp(Operator left, Operator right, int[] leftKeys, int[] rightKeys, Expr residual, JoinKind kind,
                      int leftWidth, int rightWidth) {
        this.left = left;
        this.right = right;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
        this.kind = kind;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
    }

    /** Per key, the collation its strings match by (null: binary); null when every key is binary. */
    private String[] collations;

    /**
     * Matches the strings of the given keys by their collation ({@code 'a'} finds {@code 'A'} under a {@code _ci}
     * one): such keys hash by their sort text. Entries are null for binary keys.
     */
    public HashJoinOp withKeyCollations(String[] keyCollations) {
        this.collations = keyCollations;
        return this;
    }

    private Key collatedKey(Object[] row, int[] cols) {
        Key k = key(row, cols);
        if (k == null || collations == null) {
            return k;
        }
        Object[] v = k.values();
        for (int i = 0; i < v.length; i++) {
            if (collations[i] != null && v[i] instanceof String s) {
                v[i] = dev.scion.sql.catalog.Collations.sortKey(collations[i], s);
            }
        }
        return k;
    }

    /** A row's key values, normalised; null when any is NULL. */
    static Key key(Object[] row, int[] cols) {
        Object[] k = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            Object v = row[cols[i]];
            if (v == null) {
                return null;
            }
            k[i] = normalize(v);
        }
        return new Key(k);
    }

    private static Object normalize(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                return (long) d;
            }
            return BigDecimal.valueOf(d).stripTrailingZeros();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return s.longValue();
            }
            return s;
        }
        if (v instanceof byte[] b) {
            return new Bytes(b);
        }
        return v;
    }

    record Key(Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    private record Bytes(byte[] b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes x && Arrays.equals(b, x.b);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(b);
        }
    }

    @Override
    public RowStream open(ExecContext ctx) {
        Map<Key, List<Integer>> table = new HashMap<>();
        List<Object[]> rightRows = new ArrayList<>();
        try (RowStream r = right.open(ctx)) {
            Object[] row;
            while ((row = r.next()) != null) {
                ctx.checkCancelled();
                int at = rightRows.size();
                rightRows.add(row);
                Key k = collatedKey(row, rightKeys);
                if (k != null) {
                    table.computeIfAbsent(k, x -> new ArrayList<>(2)).add(at);
                }
            }
        }
        return new ProbeJoinStream(left.open(ctx), rightRows, row -> {
            Key k = collatedKey(row, leftKeys);
            return k == null ? List.of() : table.getOrDefault(k, List.of());
        }, residual, kind, leftWidth, rightWidth, ctx);
    }

    @Override
    public String explain() {
        return "HashJoin " + kind + " left" + Arrays.toString(leftKeys) + " = right" + Arrays.toString(rightKeys)
                + (residual == null ? "" : " +residual");
    }

    @Override
    public List<Operator> inputs() {
        return List.of(left, right);
    }
}
