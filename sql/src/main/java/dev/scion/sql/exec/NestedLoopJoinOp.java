package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

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
        boolean[] rightMatched = new boolean[rightRows.size()];
        RowStream in = left.open(ctx);
        return new RowStream() {
            Object[] current;
            int pos;
            boolean matched;
            boolean leftDone;
            int unmatchedPos;

            @Override
            public Object[] next() {
                while (!leftDone) {
                    if (current == null) {
                        current = in.next();
                        if (current == null) {
                            leftDone = true;
                            break;
                        }
                        pos = 0;
                        matched = false;
                    }
                    while (pos < rightRows.size()) {
                        ctx.checkCancelled();
                        int at = pos++;
                        Object[] joined = JoinKind.concat(current, rightRows.get(at));
                        if (Boolean.TRUE.equals(Values.truth(condition.eval(joined, ctx)))) {
                            matched = true;
                            rightMatched[at] = true;
                            if (kind == JoinKind.SEMI) {
                                Object[] out = current;
                                current = null;
                                return out;
                            }
                            if (kind == JoinKind.ANTI) {
                                pos = rightRows.size();
                                break;
                            }
                            return joined;
                        }
                    }
                    Object[] done = current;
                    current = null;
                    if (!matched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                        return JoinKind.concat(done, new Object[rightWidth]);
                    }
                    if (!matched && kind == JoinKind.ANTI) {
                        return done;
                    }
                }
                if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
                    while (unmatchedPos < rightRows.size()) {
                        int at = unmatchedPos++;
                        if (!rightMatched[at]) {
                            return JoinKind.concat(new Object[leftWidth], rightRows.get(at));
                        }
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
        return "NestedLoopJoin " + kind;
    }

    @Override
    public List<Operator> inputs() {
        return List.of(left, right);
    }
}
