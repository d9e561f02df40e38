package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/**
 * A correlated subquery: for every left row, binds that row to the correlation variable and runs the right side
 * again. Inner and left joins return left+right rows; semi and anti joins return left rows with (or without) a
 * right match.
 */
public final class CorrelateOp implements Operator {
    private final Operator left;
    private final Operator right;
    private final int correlationId;
    private final JoinKind kind;
    private final int rightWidth;

    public CorrelateOp(Operator left, Operator right, int correlationId, JoinKind kind, int rightWidth) {
        this.left = left;
        this.right = right;
        this.correlationId = correlationId;
        this.kind = kind;
        this.rightWidth = rightWidth;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowStream in = left.open(ctx);
        return new RowStream() {
            Object[] current;
            RowStream inner;
            boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (current == null) {
                        current = in.next();
                        if (current == null) {
                            return null;
                        }
                        ctx.bind(correlationId, current);
                        inner = right.open(ctx);
                        matched = false;
                    }
                    // the variable may have been rebound by a nested use of the same plan: bind it again
                    ctx.bind(correlationId, current);
                    Object[] r = inner.next();
                    if (r != null) {
                        matched = true;
                        switch (kind) {
                            case SEMI -> {
                                return finish(current);
                            }
                            case ANTI -> {
                                finish(null);
                                continue;
                            }
                            default -> {
                                return JoinKind.concat(current, r);
                            }
                        }
                    }
                    Object[] done = current;
                    boolean hit = matched;
                    finish(null);
                    if (!hit && kind == JoinKind.LEFT) {
                        return JoinKind.concat(done, new Object[rightWidth]);
                    }
                    if (!hit && kind == JoinKind.ANTI) {
                        return done;
                    }
                }
            }

            private Object[] finish(Object[] result) {
                inner.close();
                inner = null;
                current = null;
                return result;
            }

            @Override
            public void close() {
                if (inner != null) {
                    inner.close();
                }
                in.close();
            }
        };
    }

    @Override
    public String explain() {
        return "Correlate " + kind + " $cor" + correlationId;
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(left, right);
    }
}
