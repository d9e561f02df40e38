package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.Arrays;
import java.util.List;

/**
 * Index nested-loop join: for each outer row the inner table's rows are looked up by key ({@link KeyLookup}) instead
 * of reading the whole inner table into a hash table, so ten outer rows against a million-row table read about ten
 * rows of it. The inner side is a table read through a key with an optional filter and projection, exactly the
 * shape of the table scan it replaces. Rows stream: nothing is materialised. INNER, LEFT, SEMI and ANTI joins; for
 * INNER the outer side may be the plan's right input ({@code outerIsRight}), the output keeping the left-then-right
 * column order. A NULL or non-integral key finds nothing, as it equals no stored integer.
 */
public final class IndexLookupJoinOp implements Operator {
    private final Operator outer;
    private final KeyLookup inner;
    private final int[] outerKeys;
    private final Expr innerFilter;
    private final Expr[] innerProject;
    private final Expr residual;
    private final JoinKind kind;
    private final boolean outerIsRight;

    /**
     * @param outerKeys    the outer row's columns giving the lookup values, in key column order
     * @param innerFilter  tested on each inner table row before it is joined (null: none)
     * @param innerProject the inner side's columns computed from a table row (null: the whole table row)
     * @param residual     the rest of the join condition, tested on each joined row (null: none)
     */
    public IndexLookupJoinOp(Operator outer, KeyLookup inner, int[] outerKeys, Expr innerFilter, Expr[] innerProject,
                             Expr residual, JoinKind kind, boolean outerIsRight) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT && kind != JoinKind.SEMI && kind != JoinKind.ANTI
                || outerIsRight && kind != JoinKind.INNER) {
            throw new IllegalArgumentException("an index lookup join cannot run a " + kind + " join this way");
        }
        this.outer = outer;
        this.inner = inner;
        this.outerKeys = outerKeys.clone();
        this.innerFilter = innerFilter;
        this.innerProject = innerProject == null ? null : innerProject.clone();
        this.residual = residual;
        this.kind = kind;
        this.outerIsRight = outerIsRight;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        KeyLookup.Reader reader = inner.open();
        Object[] values = new Object[outerKeys.length];
        return new DependentJoinStream(outer.open(ctx), kind, width()) {
            @Override
            RowStream open(Object[] outerRow) {
                for (int i = 0; i < outerKeys.length; i++) {
                    values[i] = outerRow[outerKeys[i]];
                }
                return reader.find(values, ctx);
            }

            @Override
            Object[] join(Object[] outerRow, Object[] tableRow) {
                if (innerFilter != null && !Boolean.TRUE.equals(Values.truth(innerFilter.eval(tableRow, ctx)))) {
                    return null;
                }
                Object[] side = select(tableRow, ctx);
                Object[] joined = outerIsRight ? JoinKind.concat(side, outerRow) : JoinKind.concat(outerRow, side);
                return residual == null || Boolean.TRUE.equals(Values.truth(residual.eval(joined, ctx))) ? joined
                        : null;
            }
        };
    }

    private Object[] select(Object[] tableRow, ExecContext ctx) {
        if (innerProject == null) {
            return tableRow;
        }
        Object[] out = new Object[innerProject.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = innerProject[i].eval(tableRow, ctx);
        }
        return out;
    }

    private int width() {
        return innerProject != null ? innerProject.length : inner.tableWidth();
    }

    @Override
    public String explain() {
        return "IndexLookupJoin " + kind + (outerIsRight ? " outer=right" : "") + " " + inner.describe() + " = outer"
                + Arrays.toString(outerKeys) + (innerFilter == null ? "" : " +filter")
                + (residual == null ? "" : " +residual");
    }

    @Override
    public List<Operator> inputs() {
        return List.of(outer);
    }
}
