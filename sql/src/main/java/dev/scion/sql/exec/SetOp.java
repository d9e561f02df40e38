package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * INTERSECT and EXCEPT, with or without ALL, over inputs of equal width. Rows are matched with MySQL's comparison
 * (NULLs equal each other, as set operations require). The first input's order is kept.
 */
public final class SetOp implements Operator {
    public enum Kind { INTERSECT, EXCEPT }

    private final List<Operator> inputs;
    private final Kind kind;
    private final boolean all;

    /** Per column, the collation rows are matched by (null: binary); null when all are binary. */
    private String[] collations;

    /** Makes INTERSECT / EXCEPT match the strings of each column by its collation (null entries: binary). */
    public SetOp withCollations(String[] columnCollations) {
        this.collations = columnCollations;
        return this;
    }

    public SetOp(List<Operator> inputs, Kind kind, boolean all) {
        this.inputs = inputs;
        this.kind = kind;
        this.all = all;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> result = drain(inputs.get(0), ctx);
        for (int i = 1; i < inputs.size(); i++) {
            List<Object[]> other = drain(inputs.get(i), ctx);
            if (result.isEmpty()) {
                break;
            }
            Comparator<Object[]> cmp = rowComparator(result.get(0).length, collations);
            TreeMap<Object[], long[]> counts = new TreeMap<>(cmp);
            for (Object[] r : other) {
                counts.computeIfAbsent(r, x -> new long[1])[0]++;
            }
            TreeMap<Object[], Boolean> emitted = new TreeMap<>(cmp);
            List<Object[]> next = new ArrayList<>();
            for (Object[] r : result) {
                long[] c = counts.get(r);
                boolean inOther = c != null && c[0] > 0;
                if (all && c != null) {
                    c[0]--;
                }
                boolean keep = kind == Kind.INTERSECT ? inOther : !inOther;
                if (!keep) {
                    continue;
                }
                if (!all && emitted.put(r, Boolean.TRUE) != null) {
                    continue;
                }
                next.add(r);
            }
            result = next;
        }
        if (!all && inputs.size() == 1) {
            result = distinct(result);
        }
        return RowStream.of(result);
    }

    private List<Object[]> distinct(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        TreeMap<Object[], Boolean> seen = new TreeMap<>(rowComparator(rows.get(0).length, collations));
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            if (seen.put(r, Boolean.TRUE) == null) {
                out.add(r);
            }
        }
        return out;
    }

    static Comparator<Object[]> rowComparator(int width) {
        return rowComparator(width, null);
    }

    static Comparator<Object[]> rowComparator(int width, String[] collations) {
        List<SortOp.Key> keys = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            keys.add(new SortOp.Key(i, false, false, collations == null || i >= collations.length ? null
                    : collations[i]));
        }
        return SortOp.comparator(keys);
    }

    private static List<Object[]> drain(Operator op, ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream s = op.open(ctx)) {
            Object[] r;
            while ((r = s.next()) != null) {
                ctx.checkCancelled();
                rows.add(r);
            }
        }
        return rows;
    }

    @Override
    public String explain() {
        return kind + (all ? " ALL" : " DISTINCT");
    }

    @Override
    public java.util.List<Operator> inputs() {
        return inputs;
    }
}
