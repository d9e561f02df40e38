package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

/** Passes rows for which the condition is true (not false, not unknown). */
public final class FilterOp implements Operator {
    private final Operator input;
    private final Expr condition;

    public FilterOp(Operator input, Expr condition) {
        this.input = input;
        this.condition = condition;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowStream in = input.open(ctx);
        return new RowStream() {
            @Override
            public Object[] next() {
                Object[] r;
                while ((r = in.next()) != null) {
                    if (Boolean.TRUE.equals(Values.truth(condition.eval(r, ctx)))) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String explain() {
        return "Filter";
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
