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
import dev.scion.sql.expr.Values;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
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
            groups.add(new WindowOp.Group(g.keys.toArray(), order, frame(g, w), functions));
        }
        Object[] constants = w.constants.stream().map(ExprCompiler::literalValue).toArray();
        return new WindowOp(input, w.getInput().getRowType().getFieldCount(), constants, groups);
    }

    private static WindowOp.Frame frame(Window.Group g, Window w) {
        return new WindowOp.Frame(g.isRows, bound(g.lowerBound, w), bound(g.upperBound, w));
    }

    private static WindowOp.Bound bound(RexWindowBound b, Window w) {
        if (b.isCurrentRow()) {
            return WindowOp.Bound.of(WindowOp.BoundKind.CURRENT_ROW);
        }
        if (b.isUnbounded()) {
            return WindowOp.Bound.of(b.isPreceding() ? WindowOp.BoundKind.UNBOUNDED_PRECEDING
                    : WindowOp.BoundKind.UNBOUNDED_FOLLOWING);
        }
        Object offset = constant(b.getOffset(), w);
        if (offset == null || offset instanceof java.time.Duration d && d.isNegative()
                || offset instanceof java.time.Period p && p.isNegative()
                || !(offset instanceof java.time.temporal.TemporalAmount) && Values.compare(offset, 0L) < 0) {
            throw new SqlError(ErrorCode.WINDOW_FRAME_ILLEGAL, "Window frame bound must be a non-negative constant");
        }
        return new WindowOp.Bound(b.isPreceding() ? WindowOp.BoundKind.PRECEDING : WindowOp.BoundKind.FOLLOWING,
                offset);
    }

    /**
     * A bound's offset: a literal, or a reference to the window's constants (numbered after the input). An
     * interval ({@code INTERVAL '2' DAY PRECEDING} over a date) is a java.time amount: a Duration for day-time
     * units, a Period of months for YEAR / MONTH.
     */
    private static Object constant(RexNode node, Window w) {
        RexLiteral lit = null;
        if (node instanceof RexLiteral l) {
            lit = l;
        } else if (node instanceof RexInputRef ref) {
            int c = ref.getIndex() - w.getInput().getRowType().getFieldCount();
            if (c >= 0 && c < w.constants.size()) {
                lit = w.constants.get(c);
            }
        }
        if (lit == null && org.apache.calcite.sql.type.SqlTypeUtil.isInterval(node.getType())) {
            // an unquoted count (INTERVAL 2 DAY) is the count times the unit's interval, which Calcite computes in
            // a projection below the window
            java.math.BigDecimal n = intervalAmount(projected(node, w));
            if (n != null) {
                return amount(n, node.getType());
            }
        }
        if (lit == null) {
            throw unsupported("a window frame bound that is not a constant");
        }
        if (org.apache.calcite.sql.type.SqlTypeUtil.isInterval(lit.getType())) {
            java.math.BigDecimal n = lit.getValueAs(java.math.BigDecimal.class);
            if (n == null) {
                return null;
            }
            return amount(n, lit.getType());
        }
        return ExprCompiler.literalValue(lit);
    }

    /** An interval's milliseconds (day-time) or months (year-month) as a java.time amount. */
    private static Object amount(java.math.BigDecimal n, org.apache.calcite.rel.type.RelDataType type) {
        return type.getSqlTypeName().getFamily()
                == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH
                ? java.time.Period.ofMonths(n.intValueExact()) : java.time.Duration.ofMillis(n.longValueExact());
    }

    /** The expression behind a reference to a column the window's input projects, else the node itself. */
    private static RexNode projected(RexNode node, Window w) {
        org.apache.calcite.rel.RelNode input = w.getInput().stripped();
        if (node instanceof RexInputRef ref && input instanceof org.apache.calcite.rel.core.Project p
                && ref.getIndex() < p.getProjects().size()) {
            return p.getProjects().get(ref.getIndex());
        }
        return node;
    }

    /**
     * The amount (milliseconds or months) of a constant interval expression: an interval literal, a product of
     * literals (how an unquoted count reaches the plan) or a cast of one; null for anything else.
     */
    private static java.math.BigDecimal intervalAmount(RexNode node) {
        if (node instanceof RexLiteral l) {
            return l.getValueAs(java.math.BigDecimal.class);
        }
        if (!(node instanceof org.apache.calcite.rex.RexCall call)) {
            return null;
        }
        switch (call.getKind()) {
            case TIMES, CHECKED_TIMES: {
                java.math.BigDecimal product = java.math.BigDecimal.ONE;
                for (RexNode o : call.getOperands()) {
                    java.math.BigDecimal f = intervalAmount(o);
                    if (f == null) {
                        return null;
                    }
                    product = product.multiply(f);
                }
                return product;
            }
            case CAST, REINTERPRET:
                return intervalAmount(call.getOperands().get(0));
            default:
                return null;
        }
    }

    private static WindowOp.Function function(Window.RexWinAggCall call) {
        int[] args = new int[call.getOperands().size()];
        for (int i = 0; i < args.length; i++) {
            RexNode o = call.getOperands().get(i);
            if (!(o instanceof RexInputRef ref)) {
                throw unsupported("a window function over an expression");
            }
            args[i] = ref.getIndex();
        }
        String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        switch (name) {
            case "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE":
                return new WindowOp.Function(WindowOp.Rank.valueOf(name), null, null, args);
            case "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE":
                return new WindowOp.Function(null, null, WindowOp.Navigation.valueOf(name), args);
            default:
                break;
        }
        if (!(call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction agg)) {
            throw unsupported("the window function " + call.getOperator().getName());
        }
        AggregateOp.Function f = AggregateFunctions.of(agg);
        if (f == AggregateOp.Function.SINGLE_VALUE || f == AggregateOp.Function.ANY_VALUE
                || f == AggregateOp.Function.GROUP_CONCAT || f == AggregateOp.Function.JSON_ARRAYAGG
                || f == AggregateOp.Function.JSON_OBJECTAGG) {
            throw unsupported("the window function " + call.getOperator().getName());
        }
        return new WindowOp.Function(null, new AggregateOp.Call(f, args, call.distinct, -1));
    }

    private static SqlError unsupported(String what) {
        return new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support " + what);
    }
}
