package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** UNION ALL of its inputs, or UNION (duplicates removed) when {@code distinct}. */
public final class UnionOp implements Operator {
    private final List<Operator> inputs;
    private final boolean distinct;

    /** Per column, the collation DISTINCT compares its strings by (null: binary); null when all are binary. */
    private String[] collations;

    /** Makes UNION DISTINCT compare the strings of each column by its collation (null entries: binary). */
    public UnionOp withCollations(String[] columnCollations) {
        this.collations = columnCollations;
        return this;
    }

    public UnionOp(List<Operator> inputs, boolean distinct) {
        this.inputs = inputs;
        this.distinct = distinct;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> all = new ArrayList<>();
        TreeSet<Object[]> seen = null;
        for (Operator op : inputs) {
            try (RowStream s = op.open(ctx)) {
                Object[] r;
                while ((r = s.next()) != null) {
                    if (distinct) {
                        if (seen == null) {
                            List<SortOp.Key> keys = new ArrayList<>();
                            for (int i = 0; i < r.length; i++) {
                                keys.add(new SortOp.Key(i, false, false,
                                        collations == null || i >= collations.length ? null : collations[i]));
                            }
                            seen = new TreeSet<>(SortOp.comparator(keys));
                        }
                        if (!seen.add(r)) {
                            continue;
                        }
                    }
                    all.add(r);
                }
            }
        }
        return RowStream.of(all);
    }

    @Override
    public String explain() {
        return distinct ? "Union DISTINCT" : "Union ALL";
    }

    @Override
    public java.util.List<Operator> inputs() {
        return inputs;
    }
}
