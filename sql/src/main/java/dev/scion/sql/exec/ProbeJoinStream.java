package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.List;

/**
 * The probe side shared by the joins that materialise their right input: each left row is tried against the right
 * rows its {@link Candidates} names, and the join kind decides what comes out (pairs, the left row once for SEMI,
 * left rows with no match for ANTI, NULL-padded rows for the outer kinds, unmatched right rows last for RIGHT and
 * FULL).
 */
final class ProbeJoinStream implements RowStream {

    /** Which right rows (by position) may match a left row; the join condition still decides. */
    interface Candidates {
        List<Integer> of(Object[] leftRow);
    }

    private final RowStream in;
    private final List<Object[]> rightRows;
    private final Candidates candidatesOf;
    private final Expr condition;
    private final JoinKind kind;
    private final int leftWidth;
    private final int rightWidth;
    private final ExecContext ctx;
    private final boolean[] rightMatched;

    private Object[] current;
    private List<Integer> candidates;
    private int pos;
    private boolean matched;
    private boolean leftDone;
    private int unmatchedPos;

    /** {@code condition} may be null: every candidate matches. */
    ProbeJoinStream(RowStream in, List<Object[]> rightRows, Candidates candidatesOf, Expr condition, JoinKind kind,
                    int leftWidth, int rightWidth, ExecContext ctx) {
        this.in = in;
        this.rightRows = rightRows;
        this.candidatesOf = candidatesOf;
        this.condition = condition;
        this.kind = kind;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.ctx = ctx;
        this.rightMatched = new boolean[rightRows.size()];
    }

    @Override
    public Object[] next() {
        while (!leftDone) {
            if (current == null) {
                current = in.next();
                if (current == null) {
                    leftDone = true;
                    break;
                }
                candidates = candidatesOf.of(current);
                pos = 0;
                matched = false;
            }
            while (pos < candidates.size()) {
                ctx.checkCancelled();
                int at = candidates.get(pos++);
                Object[] joined = JoinKind.concat(current, rightRows.get(at));
                if (condition == null || Boolean.TRUE.equals(Values.truth(condition.eval(joined, ctx)))) {
                    matched = true;
                    rightMatched[at] = true;
                    if (kind == JoinKind.SEMI) {
                        Object[] out = current;
                        current = null;
                        return out;
                    }
                    if (kind == JoinKind.ANTI) {
                        pos = candidates.size();
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
}
