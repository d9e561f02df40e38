package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.result.RowStream;

/** Computes output columns from each input row. */
public final class ProjectOp implements Operator {
    private final Operator input;
    private final Expr[] exprs;

    public ProjectOp(Operator input, Expr[] exprs) {
        this.input = input;
        this.exprs = exprs;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowStream in = input.open(ctx);
        return new RowStream() {
            @Override
            public Object[] next() {
                Object[] r = in.next();
                if (r == null) {
                    return null;
                }
                Object[] out = new Object[exprs.length];
                for (int i = 0; i < exprs.length; i++) {
                    out[i] = exprs[i].eval(r, ctx);
                }
                return out;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String explain() {
        return "Project " + exprs.length + " columns";
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
