package dev.scion.sql.plan;

import dev.scion.sql.exec.KeyValues;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.tuple.SortKeyFunction;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.KeyPrefix;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Secondary-index ranges for a filter that bounds an index's first column on both sides, such as sysbench's
 * {@code k BETWEEN ? AND ? OR k BETWEEN ? AND ? ...}: the filter's conditions on that column become a union of
 * intervals, each one key range of the index. The ranges may take more rows than the filter keeps (the filter is
 * then applied to every row), never fewer; when they take exactly its rows the access says so and the filter is
 * left out. Only columns whose key encoding orders exactly as their values compare ({@link KeyValues}: numbers,
 * dates, text of a byte-order collation) and that the index keeps whole (no prefix length) are used. An interval
 * is kept as encoded key bytes, so every such type is handled alike. A cached plan derives its ranges from a
 * {@link Template} made once (see {@link PlanParts}).
 */
final class IndexRanges {
    /**
     * An index and the ranges of its entries that hold every row the filter can keep; {@code exact} when they hold
     * only such rows, so the filter need not run (see {@link Evaluation}).
     */
    record Access(IndexDef index, List<KeyRange> ranges, boolean exact) {
    }

    /**
     * Entries from {@code start} (inclusive) to {@code end} (exclusive) of the leading column's encoding; null is an
     * open end. A value's own encoding is a prefix of every entry that starts with it, so {@code v} itself is
     * {@code [enc(v), KeyPrefix.end(enc(v)))}.
     */
    private record Interval(byte[] start, byte[] end) {
        boolean isEmpty() {
            return start != null && end != null && Arrays.compareUnsigned(start, end) >= 0;
        }
    }

    private IndexRanges() {
    }

    /** The first index whose leading column the condition bounds on both sides, or null. */
    static Access derive(TableValue table, RexNode condition) {
        return template(table.schema(), condition).derive(table);
    }

    /**
     * What {@code condition} bounds of each index of {@code schema} that can be read by ranges, with its constants
     * still to be evaluated: made once for a cached plan, evaluated with each execution's parameter values.
     */
    static Template template(TableSchema schema, RexNode condition) {
        List<Candidate> candidates = new ArrayList<>();
        if (!schema.isKeyless()) {
            for (IndexDef index : schema.indexes()) {
                if (!index.fulltext() && usable(schema, index)) {
                    candidates.add(new Candidate(index, leadingBound(schema, index, condition)));
                }
            }
        }
        return new Template(List.copyOf(candidates));
    }

    /** A condition's bounds on the leading columns of a schema's usable indexes, in the schema's index order. */
    static final class Template {
        private final List<Candidate> candidates;

        private Template(List<Candidate> candidates) {
            this.candidates = candidates;
        }

        /** The first index of {@code table} the condition bounds on both sides with this execution's values. */
        Access derive(TableValue table) {
            for (Candidate c : candidates) {
                if (!table.indexes().containsKey(c.index().name())) {
                    continue;
                }
                Evaluation evaluation = new Evaluation();
                List<Interval> intervals = c.bound().intervals(evaluation);
                if (intervals == null || intervals.stream().anyMatch(i -> i.start() == null || i.end() == null)) {
                    continue;
                }
                return new Access(c.index(), ranges(union(intervals)), !evaluation.inexact);
            }
            return null;
        }
    }

    private record Candidate(IndexDef index, Bound bound) {
    }

    /**
     * Key ranges of {@code index} (ascending, disjoint) outside which no row can satisfy {@code condition}, from its
     * bounds on the index's leading column, open-ended bounds included; null when it does not bound that column or the
     * column's keys do not order as its values. For reading in index order: the ranges only narrow, the filter decides.
     */
    static List<KeyRange> leadingRanges(TableSchema schema, IndexDef index, RexNode condition) {
        if (condition == null || !usable(schema, index)) {
            return null;
        }
        List<Interval> intervals = leadingBound(schema, index, condition).intervals(new Evaluation());
        // an open end stays open: NULL entries sort first, and the filter drops them
        return intervals == null ? null : ranges(union(intervals));
    }

    private static Bound leadingBound(TableSchema schema, IndexDef index, RexNode condition) {
        int column = schema.columnIndex(index.columns().get(0));
        return bound(condition, column, schema.columns().get(column).type(), sortKey(schema, index));
    }

    private static boolean usable(TableSchema schema, IndexDef index) {
        int column = schema.columnIndex(index.columns().get(0));
        return column >= 0 && index.prefixLength(0) == 0
                && (KeyValues.ordersAsCompared(schema.columns().get(column).type()) || sortKey(schema, index) != null);
    }

    /**
     * The sort key a collated-keys index encodes its (whole) leading text column with, or null: its entries order
     * as the column's collation compares, so a comparison under that collation bounds them by the constant's sort key.
     */
    private static SortKeyFunction sortKey(TableSchema schema, IndexDef index) {
        int column = schema.columnIndex(index.columns().get(0));
        if (column < 0 || !index.collatedKeys() || index.prefixLength(0) != 0) {
            return null;
        }
        return dev.scion.versioning.schema.CollationKeys.sortKeyOf(schema.columns().get(column).type());
    }

    private static List<KeyRange> ranges(List<Interval> intervals) {
        List<KeyRange> out = new ArrayList<>();
        for (Interval i : intervals) {
            out.add(new KeyRange(i.start(), true, i.end(), false));
        }
        return out;
    }

    /**
     * What a condition bounds of one column: evaluated with the current constants, the intervals of the column
     * outside which the condition cannot hold, or null when it does not bound the column. An empty list means no
     * row can match.
     */
    private interface Bound {
        List<Interval> intervals(Evaluation evaluation);
    }

    /**
     * One evaluation of a condition's bounds, noting whether the intervals are the condition itself: every part of
     * it bounded the column (no conjunct left to the filter), and every comparison was of an integer column with an
     * integer constant, whose key order is exactly the comparison (sysbench's {@code k BETWEEN ? AND ? OR ...}).
     * NULL never satisfies such a comparison, and bounded intervals never hold the NULL entries.
     */
    private static final class Evaluation {
        boolean inexact;
    }

    /** A part of the condition that never bounds the column. */
    private static final Bound UNBOUNDED = evaluation -> null;

    /**
     * Every part must hold: the intersection of the parts that bound the column; {@code partial} when some conjunct
     * of the condition never bounds it (it was left out of {@code parts}).
     */
    private record AllOf(List<Bound> parts, boolean partial) implements Bound {
        @Override
        public List<Interval> intervals(Evaluation evaluation) {
            evaluation.inexact |= partial;
            List<Interval> acc = null;
            for (Bound b : parts) {
                List<Interval> part = b.intervals(evaluation);
                if (part == null) {
                    evaluation.inexact = true;
                } else {
                    acc = acc == null ? part : intersect(acc, part);
                }
            }
            return acc;
        }
    }

    /** One part must hold: the union, when every part bounds the column. */
    private record AnyOf(List<Bound> parts) implements Bound {
        @Override
        public List<Interval> intervals(Evaluation evaluation) {
            List<Interval> acc = new ArrayList<>();
            for (Bound b : parts) {
                List<Interval> part = b.intervals(evaluation);
                if (part == null) {
                    return null;
                }
                acc.addAll(part);
            }
            return acc;
        }
    }

    private static Bound bound(RexNode n, int column, ColumnType type, SortKeyFunction sortKey) {
        switch (n.getKind()) {
            case AND -> {
                List<RexNode> operands = ((RexCall) n).getOperands();
                List<Bound> parts = new ArrayList<>();
                for (RexNode o : operands) {
                    Bound part = bound(o, column, type, sortKey);
                    if (part != UNBOUNDED) {
                        parts.add(part);
                    }
                }
                return parts.isEmpty() ? UNBOUNDED : new AllOf(List.copyOf(parts), parts.size() < operands.size());
            }
            case OR -> {
                List<Bound> parts = new ArrayList<>();
                for (RexNode o : ((RexCall) n).getOperands()) {
                    Bound part = bound(o, column, type, sortKey);
                    if (part == UNBOUNDED) {
                        return UNBOUNDED;
                    }
                    parts.add(part);
                }
                return new AnyOf(List.copyOf(parts));
            }
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison((RexCall) n, column, type, sortKey);
            }
            default -> {
                return UNBOUNDED;
            }
        }
    }

    private static Bound comparison(RexCall call, int column, ColumnType type, SortKeyFunction sortKey) {
        RexNode l = call.getOperands().get(0);
        RexNode r = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (KeyConstants.column(r) >= 0 && KeyConstants.column(l) < 0) {
            RexNode t = l;
            l = r;
            r = t;
            kind = kind.reverse();
        }
        if (KeyConstants.column(l) != column) {
            return UNBOUNDED;
        }
        if (sortKey != null) {
            // entries hold the collation's sort key: only a text constant compared under that collation bounds them
            if (!collatedComparison(type, l, r)) {
                return UNBOUNDED;
            }
            return new Comparison(kind, r, type, new TupleDescriptor(type.fieldType()).withSortKey(0, sortKey), true);
        }
        return new Comparison(kind, r, type, new TupleDescriptor(type.fieldType()), false);
    }

    /**
     * The column compared with a constant: {@code kind} with the column on the left, the constant's key encoded by
     * {@code key} (with the collation's sort key when {@code sortKeyed}).
     */
    private record Comparison(SqlKind kind, RexNode constant, ColumnType type, TupleDescriptor key,
                              boolean sortKeyed) implements Bound {
        @Override
        public List<Interval> intervals(Evaluation evaluation) {
            Object v = KeyConstants.value(constant);
            evaluation.inexact |= sortKeyed || !(v instanceof Long) || !type.kind().isInteger();
            byte[] value;
            if (sortKeyed) {
                if (!(v instanceof String text)) {
                    return null;
                }
                value = key.encodeKey(new Object[] {text});
            } else {
                Object stored = v == KeyConstants.NOT_CONSTANT ? null : KeyValues.exact(type, v);
                if (stored == null) {
                    return null; // NULL, a value no stored one equals or an expression: no bound from this comparison
                }
                value = key.encodeKey(new Object[] {stored});
            }
            byte[] after = KeyPrefix.end(value); // null: nothing sorts after the value
            // NULL entries start with a lower marker than any value, so a lower bound excludes them
            Interval i = switch (kind) {
                case EQUALS -> new Interval(value, after);
                case LESS_THAN -> new Interval(null, value);
                case LESS_THAN_OR_EQUAL -> new Interval(null, after);
                case GREATER_THAN -> after == null ? null : new Interval(after, null);
                case GREATER_THAN_OR_EQUAL -> new Interval(value, null);
                default -> new Interval(null, null);
            };
            return i == null || i.isEmpty() ? List.of() : List.of(i);
        }
    }

    /** Whether the column meets the constant under the column's own collation (not an explicit other COLLATE). */
    private static boolean collatedComparison(ColumnType type, RexNode column, RexNode constant) {
        String used = dev.scion.sql.expr.TextCollation.forComparison(column, constant, "=");
        return used != null && used.equalsIgnoreCase(type.collation());
    }

    private static List<Interval> intersect(List<Interval> a, List<Interval> b) {
        List<Interval> out = new ArrayList<>();
        for (Interval x : a) {
            for (Interval y : b) {
                Interval i = new Interval(maxStart(x.start(), y.start()), minEnd(x.end(), y.end()));
                if (!i.isEmpty()) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static byte[] maxStart(byte[] a, byte[] b) {
        return a == null ? b : b == null ? a : Arrays.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static byte[] minEnd(byte[] a, byte[] b) {
        return a == null ? b : b == null ? a : Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** Sorted, with overlapping or touching intervals merged, so no index entry is read twice. */
    private static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort((x, y) -> x.start() == null ? (y.start() == null ? 0 : -1)
                : y.start() == null ? 1 : Arrays.compareUnsigned(x.start(), y.start()));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && (last.end() == null || i.start() == null
                    || Arrays.compareUnsigned(i.start(), last.end()) <= 0)) {
                out.set(out.size() - 1, new Interval(last.start(), last.end() == null || i.end() == null ? null
                        : Arrays.compareUnsigned(last.end(), i.end()) >= 0 ? last.end() : i.end()));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
