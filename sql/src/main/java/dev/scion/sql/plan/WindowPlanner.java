package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.AggregateOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.exec.SortOp;
import dev.scion.sql.exec.WindowOp;
import dev.scion.sql.expr.ExprCompiler;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

import java.util.ArrayList;
import java.util.List;

/** Maps Calcite's Window node (made by PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW) onto {@link WindowOp}. */
final class WindowPlanner {
    private WindowPlanner() {
    }

    static Operator window(Window w, Operator input) {
        List<WindowOp.Group> groups = new ArrayList<>();
        for (Window.Group g : w.groups) {
            List<SortOp.Key> order = new ArrayList<>();
            for (RelFieldCollation fc : g.orderKeys.getFieldCollations()) {
                order.add(new SortOp.Key(fc.getFieldIndex(), fc.getDirection().isDescending()));
            }
            List<WindowOp.Function> functions = new ArrayList<>();
            for (Window.RexWinAggCall call : g.aggCalls) {
                functions.add(function(call));
            }
            groups.add(new WindowOp.Group(g.keys.toArray(), order, frame(g), functions));
        }
        Object[] constants = w.constants.stream().map(ExprCompiler::literalValue).toArray();
        return new WindowOp(input, w.getInput().getRowType().getFieldCount(), constants, groups);
    }

    private static WindowOp.Frame frame(Window.Group g) {
        RexWindowBound lo = g.lowerBound;
        RexWindowBound hi = g.upperBound;
        if (!(lo.isUnbounded() && lo.isPreceding())) {
            throw unsupported("a window frame that does not start at UNBOUNDED PRECEDING");
        }
        if (hi.isUnbounded() && hi.isFollowing()) {
            return WindowOp.Frame.PARTITION;
        }
        if (hi.isCurrentRow()) {
            return g.isRows ? WindowOp.Frame.RUNNING_ROWS : WindowOp.Frame.RUNNING_RANGE;
        }
        throw unsupported("this window frame");
    }

    private static WindowOp.Function function(Window.RexWinAggCall call) {
        switch (call.getOperator().getKind()) {
            case ROW_NUMBER:
                return new WindowOp.Function(WindowOp.Rank.ROW_NUMBER, null);
            case RANK:
                return new WindowOp.Function(WindowOp.Rank.RANK, null);
            case DENSE_RANK:
                return new WindowOp.Function(WindowOp.Rank.DENSE_RANK, null);
            default:
                break;
        }
        AggregateOp.Function f = switch (call.getOperator().getKind()) {
            case COUNT -> AggregateOp.Function.COUNT;
            case SUM, SUM0 -> AggregateOp.Function.SUM;
            case AVG -> AggregateOp.Function.AVG;
            case MIN -> AggregateOp.Function.MIN;
            case MAX -> AggregateOp.Function.MAX;
            default -> throw unsupported("the window function " + call.getOperator().getName());
        };
        int[] args = new int[call.getOperands().size()];
        for (int i = 0; i < args.length; i++) {
            RexNode o = call.getOperands().get(i);
            if (!(o instanceof RexInputRef ref)) {
                throw unsupported("a window function over an expression");
            }
            args[i] = ref.getIndex();
        }
        return new WindowOp.Function(null, new AggregateOp.Call(f, args, call.distinct, -1));
    }

    private static SqlError unsupported(String what) {
        return new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support " + what);
    }
}
