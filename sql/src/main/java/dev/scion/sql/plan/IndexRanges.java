package dev.scion.sql.plan;

import dev.scion.sql.expr.BoundParameters;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.KeyPrefix;
import dev.scion.storage.tuple.TupleDescriptor;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Secondary-index ranges for a filter that bounds an index's first column on both sides, such as sysbench's
 * {@code k BETWEEN ? AND ? OR k BETWEEN ? AND ? ...}: the filter's conditions on that column become a union of
 * closed integer intervals, each one key range of the index. The ranges may take more rows than the filter keeps
 * (the filter is still applied to every row), never fewer. Only integer columns are used: their encoding orders
 * exactly as they compare, where a string's depends on its collation.
 */
final class IndexRanges {
    /** An index and the ranges of its entries that hold every row the filter can keep. */
    record Access(IndexDef index, List<KeyRange> ranges) {
    }

    /** A closed interval of column values, {@code lo <= v <= hi}. */
    private record Interval(long lo, long hi) {
    }

    private IndexRanges() {
    }

    /** The first index whose leading column the condition bounds on both sides, or null. */
    static Access derive(TableValue table, RexNode condition) {
        TableSchema schema = table.schema();
        if (schema.isKeyless()) {
            return null;
        }
        for (IndexDef index : schema.indexes()) {
            int column = schema.columnIndex(index.columns().get(0));
            if (index.fulltext() || column < 0 || !schema.columns().get(column).type().kind().isInteger()
                    || !table.indexes().containsKey(index.name())) {
                continue;
            }
            List<Interval> intervals = intervals(condition, column);
            if (intervals == null || intervals.stream().anyMatch(i -> i.lo() == Long.MIN_VALUE || i.hi() == Long.MAX_VALUE)) {
                continue;
            }
            // Index keys are the index columns then the row key, each field encoded on its own, so the encoding of
            // the leading value alone is a prefix of every entry that starts with it.
            TupleDescriptor leading = new TupleDescriptor(schema.columns().get(column).type().kind().fieldType());
            List<KeyRange> ranges = new ArrayList<>();
            for (Interval i : union(intervals)) {
                byte[] start = leading.encodeKey(new Object[] {i.lo()});
                byte[] end = KeyPrefix.end(leading.encodeKey(new Object[] {i.hi()}));
                ranges.add(new KeyRange(start, true, end, false));
            }
            return new Access(index, ranges);
        }
        return null;
    }

    /**
     * Key ranges of {@code index} (ascending, disjoint) outside which no row can satisfy {@code condition}, from its
     * bounds on the index's leading column, open-ended bounds included; null when it does not bound that column or the
     * column is not a signed integer. For reading in index order: the ranges only narrow, the filter still decides.
     */
    static List<KeyRange> leadingRanges(TableSchema schema, IndexDef index, RexNode condition) {
        int column = schema.columnIndex(index.columns().get(0));
        var type = schema.columns().get(column).type();
        if (condition == null || !type.kind().isInteger() || type.fieldType() != dev.scion.storage.tuple.FieldType.INT64) {
            return null;
        }
        List<Interval> intervals = intervals(condition, column);
        if (intervals == null) {
            return null;
        }
        TupleDescriptor leading = new TupleDescriptor(type.fieldType());
        List<KeyRange> ranges = new ArrayList<>();
        for (Interval i : union(intervals)) {
            // an open end stays open: NULL entries sort first, and the filter drops them
            byte[] start = i.lo() == Long.MIN_VALUE ? null : leading.encodeKey(new Object[] {i.lo()});
            byte[] end = i.hi() == Long.MAX_VALUE ? null : KeyPrefix.end(leading.encodeKey(new Object[] {i.hi()}));
            ranges.add(new KeyRange(start, true, end, false));
        }
        return ranges;
    }

    /**
     * Intervals of the column outside which the condition cannot hold, or null when the condition does not bound
     * the column. An empty list means no row can match.
     */
    private static List<Interval> intervals(RexNode n, int column) {
        switch (n.getKind()) {
            case AND -> {
                List<Interval> acc = null;
                for (RexNode o : ((RexCall) n).getOperands()) {
                    List<Interval> part = intervals(o, column);
                    if (part != null) {
                        acc = acc == null ? part : intersect(acc, part);
                    }
                }
                return acc;
            }
            case OR -> {
                List<Interval> acc = new ArrayList<>();
                for (RexNode o : ((RexCall) n).getOperands()) {
                    List<Interval> part = intervals(o, column);
                    if (part == null) {
                        return null;
                    }
                    acc.addAll(part);
                }
                return acc;
            }
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison((RexCall) n, column);
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Interval> comparison(RexCall call, int column) {
        RexNode l = call.getOperands().get(0);
        RexNode r = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (r instanceof RexInputRef && !(l instanceof RexInputRef)) {
            RexNode t = l;
            l = r;
            r = t;
            kind = kind.reverse();
        }
        if (!(l instanceof RexInputRef ref) || ref.getIndex() != column) {
            return null;
        }
        Object v = r instanceof RexDynamicParam p ? BoundParameters.value(p.getIndex())
                : r instanceof RexLiteral lit ? ExprCompiler.literalValue(lit) : null;
        if (!(v instanceof Long x)) {
            return null; // NULL, a non-integer or an expression: no bound from this comparison
        }
        Interval i = switch (kind) {
            case EQUALS -> new Interval(x, x);
            case LESS_THAN -> x == Long.MIN_VALUE ? null : new Interval(Long.MIN_VALUE, x - 1);
            case LESS_THAN_OR_EQUAL -> new Interval(Long.MIN_VALUE, x);
            case GREATER_THAN -> x == Long.MAX_VALUE ? null : new Interval(x + 1, Long.MAX_VALUE);
            case GREATER_THAN_OR_EQUAL -> new Interval(x, Long.MAX_VALUE);
            default -> new Interval(Long.MIN_VALUE, Long.MAX_VALUE);
        };
        return i == null ? List.of() : List.of(i);
    }

    private static List<Interval> intersect(List<Interval> a, List<Interval> b) {
        List<Interval> out = new ArrayList<>();
        for (Interval x : a) {
            for (Interval y : b) {
                long lo = Math.max(x.lo(), y.lo());
                long hi = Math.min(x.hi(), y.hi());
                if (lo <= hi) {
                    out.add(new Interval(lo, hi));
                }
            }
        }
        return out;
    }

    /** Sorted, with overlapping or adjacent intervals merged, so no index entry is read twice. */
    private static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Interval::lo));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i.lo() <= last.hi() + 1 && last.hi() != Long.MAX_VALUE) {
                out.set(out.size() - 1, new Interval(last.lo(), Math.max(last.hi(), i.hi())));
            } else if (last != null && last.hi() == Long.MAX_VALUE) {
                continue;
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
