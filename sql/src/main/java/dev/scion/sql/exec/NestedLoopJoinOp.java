package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.result.RowStream;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins by testing every pair against the condition; the right side is materialised once per open. Used when the
 * condition has no equality between the two sides (otherwise {@link HashJoinOp} is used).
 */
public final class NestedLoopJoinOp implements Operator {
    private final Operator left;
    private final Operator right;
    private final Expr condition;
    private final JoinKind kind;
    private final int leftWidth;
    private final int rightWidth;

    public NestedLoopJoinOp(Operator left, Operator right, Expr condition, JoinKind kind, int leftWidth,
                            int rightWidth) {
        this.left = left;
        this.right = right;
        this.condition = condition;
        this.kind = kind;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> rightRows = new ArrayList<>();
        try (RowStream r = right.open(ctx)) {
            Object[] row;
            while ((row = r.next()) != null) {
                rightRows.add(row);
            }
        }
        List<Integer> everyRow = new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return rightRows.size();
            }
        };
        return new ProbeJoinStream(left.open(ctx), rightRows, row -> everyRow, condition, kind, leftWidth, rightWidth,
                ctx);
    }

    @Override
    public String explain() {
        return "NestedLoopJoin " + kind;
    }

    @Override
    public List<Operator> inputs() {
        return List.of(left, right);
    }
}
