package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.List;

/** Joins by testing every pair; the right side is materialised once. Handles inner, left, semi and anti joins. */
public final class NestedLoopJoinOp implements Operator {
    public enum Kind { INNER, LEFT, SEMI, ANTI }

    private final Operator left;
    private final Operator right;
    private final Expr condition;
    private final Kind kind;
    private final int rightWidth;

    public NestedLoopJoinOp(Operator left, Operator right, Expr condition, Kind kind, int rightWidth) {
        this.left = left;
        this.right = right;
        this.condition = condition;
        this.kind = kind;
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
        RowStream in = left.open(ctx);
        return new RowStream() {
            Object[] current;
            int pos;
            boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (current == null) {
                        current = in.next();
                        if (current == null) {
                            return null;
                        }
                        pos = 0;
                        matched = false;
                    }
                    while (pos < rightRows.size()) {
                        ctx.checkCancelled();
                        Object[] r = rightRows.get(pos++);
                        Object[] joined = new Object[current.length + r.length];
                        System.arraycopy(current, 0, joined, 0, current.length);
                        System.arraycopy(r, 0, joined, current.length, r.length);
                        if (Boolean.TRUE.equals(Values.truth(condition.eval(joined, ctx)))) {
                            matched = true;
                            if (kind == Kind.SEMI) {
                                Object[] out = current;
                                current = null;
                                return out;
                            }
                            if (kind == Kind.ANTI) {
                                break;
                            }
                            return joined;
                        }
                    }
                    Object[] done = current;
                    current = null;
                    if (!matched && kind == Kind.LEFT) {
                        Object[] out = new Object[done.length + rightWidth];
                        System.arraycopy(done, 0, out, 0, done.length);
                        return out;
                    }
                    if (!matched && kind == Kind.ANTI) {
                        return done;
                    }
                }
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
