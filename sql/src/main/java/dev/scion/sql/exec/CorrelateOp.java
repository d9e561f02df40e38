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
        return new DependentJoinStream(left.open(ctx), kind, rightWidth) {
            @Override
            RowStream open(Object[] outerRow) {
                ctx.bind(correlationId, outerRow);
                return right.open(ctx);
            }

            @Override
            void beforeRead(Object[] outerRow) {
                // the variable may have been rebound by a nested use of the same plan: bind it again
                ctx.bind(correlationId, outerRow);
            }

            @Override
            Object[] join(Object[] outerRow, Object[] innerRow) {
                return JoinKind.concat(outerRow, innerRow);
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
