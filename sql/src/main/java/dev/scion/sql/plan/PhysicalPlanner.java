package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.AggregateOp;
import dev.scion.sql.exec.FilterOp;
import dev.scion.sql.exec.CoveringIndexScanOp;
import dev.scion.sql.exec.IndexScanOp;
import dev.scion.sql.exec.LimitOp;
import dev.scion.sql.exec.SetOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.exec.ProjectOp;
import dev.scion.sql.exec.DistinctSortOp;
import dev.scion.sql.exec.SortOp;
import dev.scion.sql.exec.SystemScanOp;
import dev.scion.sql.exec.TableScanOp;
import dev.scion.sql.exec.UnionOp;
import dev.scion.sql.exec.RecursiveUnionOp;
import dev.scion.sql.exec.WorkTableScanOp;
import dev.scion.sql.exec.ValuesOp;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.storage.prolly.KeyRange;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/** Turns a logical plan into Scion's physical operators, pushing primary-key conditions into scans. */
public final class PhysicalPlanner {
    /** Which table value each scan reads: the planned one, or a cached plan's table at the current snapshot. */
    private final java.util.function.UnaryOperator<ScionTable> tables;
    /** A cached plan's shared parts (compiled expressions, range templates), or null for a plan used once. */
    private final PlanParts parts;

    private PhysicalPlanner(java.util.function.UnaryOperator<ScionTable> tables, PlanParts parts) {
        this.tables = tables;
        this.parts = parts;
    }

    public static Operator build(RelNode rel) {
        return new PhysicalPlanner(t -> t, null).op(rel);
    }

    /**
     * Builds operators for a cached plan, reading each table through {@code tables} (planned table to current) and
     * taking the parts every execution shares from {@code parts}.
     */
    static Operator build(RelNode rel, java.util.function.UnaryOperator<ScionTable> tables, PlanParts parts) {
        return new PhysicalPlanner(tables, parts).op(rel);
    }

    private Operator op(RelNode rel) {
        if (rel instanceof LogicalTableScan scan) {
            return scan(scan, null);
        }
        if (rel instanceof LogicalFilter f) {
            if (f.getInput() instanceof LogicalTableScan scan) {
                return scan(scan, f.getCondition());
            }
            return new FilterOp(op(f.getInput()), compile(f.getCondition(), f.getInput()));
        }
        if (rel instanceof LogicalProject p) {
            return project(p, false);
        }
        if (rel instanceof LogicalSort s && s.getCollation().getFieldCollations().isEmpty()
                && s.getInput() instanceof org.apache.calcite.rel.core.RepeatUnion r && s.fetch != null) {
            // LIMIT on a recursive CTE: the recursion itself stops once offset + fetch rows exist (MySQL 8.0.19+)
            long offset = s.offset == null ? 0 : ((RexLiteral) s.offset).getValueAs(Long.class);
            long fetch = ((RexLiteral) s.fetch).getValueAs(Long.class);
            Operator union = new RecursiveUnionOp(op(r.getSeedRel()), op(r.getIterativeRel()),
                    workTableName(r.getTransientTable()), r.all, offset + fetch);
            return new LimitOp(union, offset, fetch);
        }
        if (rel instanceof LogicalSort s) {
            Operator ordered = inKeyOrder(s);
            Operator in = ordered != null ? ordered : op(s.getInput());
            List<SortOp.Key> keys = new ArrayList<>();
            for (RelFieldCollation fc : s.getCollation().getFieldCollations()) {
                var type = s.getRowType().getFieldList().get(fc.getFieldIndex()).getType();
                String collation = dev.scion.sql.expr.TextCollation.of(type);
                keys.add(new SortOp.Key(fc.getFieldIndex(), fc.getDirection().isDescending(),
                        dev.scion.sql.expr.json.JsonType.is(type),
                        dev.scion.sql.expr.TextCollation.binary(collation) ? null : collation));
            }
            Operator distinct = ordered == null ? distinctSort(s, keys) : null;
            if (distinct != null) {
                in = distinct;
            } else if (!keys.isEmpty() && ordered == null) {
                in = new SortOp(in, keys);
            }
            long offset = s.offset == null ? 0 : ((RexLiteral) s.offset).getValueAs(Long.class);
            long fetch = s.fetch == null ? -1 : ((RexLiteral) s.fetch).getValueAs(Long.class);
            if (offset > 0 || fetch >= 0) {
                in = new LimitOp(in, offset, fetch);
            }
            return in;
        }
        if (rel instanceof LogicalAggregate a) {
            if (a.getGroupSets().size() > 1) {
                return groupingSets(a);
            }
            Operator ends = IndexEnds.plan(a, tables);
            if (ends != null) {
                return ends;
            }
            List<AggregateOp.Call> calls = new ArrayList<>();
            for (AggregateCall c : a.getAggCallList()) {
                calls.add(AggregateFunctions.call(c));
            }
            ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(a.getGroupSet());
            for (AggregateCall c : a.getAggCallList()) {
                used.addAll(c.getArgList());
                if (c.filterArg >= 0) {
                    used.set(c.filterArg);
                }
                for (RelFieldCollation order : c.getCollation().getFieldCollations()) {
                    used.set(order.getFieldIndex()); // GROUP_CONCAT(a ORDER BY b) reads b too
                }
            }
            int[] groupKeys = a.getGroupSet().toArray();
            String[] collations = new String[groupKeys.length];
            boolean collated = false;
            for (int i = 0; i < groupKeys.length; i++) {
                String c = dev.scion.sql.expr.TextCollation.of(
                        a.getInput().getRowType().getFieldList().get(groupKeys[i]).getType());
                if (!dev.scion.sql.expr.TextCollation.binary(c)) {
                    collations[i] = c;
                    collated = true;
                }
            }
            AggregateOp op = new AggregateOp(input(a.getInput(), used.build(), orderFree(a)), groupKeys, calls);
            String[] argCollations = argumentCollations(a);
            if (argCollations != null) {
                op.withArgumentCollations(argCollations);
            }
            return collated ? op.withCollations(collations) : op;
        }
        if (rel instanceof LogicalValues v) {
            List<Object[]> rows = new ArrayList<>();
            for (List<RexLiteral> t : v.getTuples()) {
                rows.add(t.stream().map(ExprCompiler::literalValue).toArray());
            }
            return new ValuesOp(rows);
        }
        if (rel instanceof Window w) {
            return WindowPlanner.window(w, op(w.getInput()));
        }
        if (rel instanceof Join j) {
            return JoinPlanner.join(j, this::op, this::tableSide);
        }
        if (rel instanceof Correlate c) {
            return JoinPlanner.correlate(c, this::op);
        }
        if (rel instanceof Intersect i) {
            return new SetOp(i.getInputs().stream().map(this::op).toList(), SetOp.Kind.INTERSECT, i.all)
                    .withCollations(columnCollations(i));
        }
        if (rel instanceof Minus m) {
            return new SetOp(m.getInputs().stream().map(this::op).toList(), SetOp.Kind.EXCEPT, m.all)
                    .withCollations(columnCollations(m));
        }
        if (rel instanceof org.apache.calcite.rel.core.RepeatUnion r) {
            return new RecursiveUnionOp(op(r.getSeedRel()), op(r.getIterativeRel()),
                    workTableName(r.getTransientTable()), r.all, -1);
        }
        if (rel instanceof org.apache.calcite.rel.core.TableSpool spool) {
            return op(spool.getInput()); // RecursiveUnionOp keeps the rows its recursive part reads itself
        }
        if (rel instanceof LogicalUnion u) {
            return new UnionOp(u.getInputs().stream().map(this::op).toList(), !u.all)
                    .withCollations(columnCollations(u));
        }
        Operator jsonTable = rel instanceof org.apache.calcite.rel.core.TableFunctionScan scan
                ? dev.scion.sql.expr.json.table.JsonTableOp.of(scan) : null;
        if (jsonTable != null) {
            return jsonTable;
        }
        Operator tableFunction = rel instanceof org.apache.calcite.rel.core.TableFunctionScan scan
                ? dev.scion.sql.dolt.DeferredTableFunctionScan.of(scan) : null;
        if (tableFunction != null) {
            return tableFunction;
        }
        throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support this query ("
                + rel.getRelTypeName() + ")");
    }

    /**
     * The input of {@code sort} read in the sort's order from the primary key or an index ({@link IndexOrder}), with
     * no sort needed; null when its input is not a (filtered, projected) table read that a key orders. The sort's
     * LIMIT then stops the read after its rows.
     */
    private Operator inKeyOrder(LogicalSort sort) {
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (collations.isEmpty()) {
            return null;
        }
        LogicalProject project = sort.getInput() instanceof LogicalProject p ? p : null;
        RelNode below = project == null ? sort.getInput() : project.getInput();
        UserTableRead userRead = UserTableRead.of(below, tables);
        if (userRead == null) {
            return null;
        }
        LogicalTableScan scan = userRead.scan();
        RexNode condition = userRead.condition();
        ScionTable t = userRead.table();
        if (t == null) {
            return null;
        }
        int[] sortColumns = new int[collations.size()];
        boolean[] descending = new boolean[sortColumns.length];
        for (int i = 0; i < sortColumns.length; i++) {
            RelFieldCollation fc = collations.get(i);
            descending[i] = fc.getDirection().isDescending();
            int column = fc.getFieldIndex();
            if (project != null) {
                if (!(project.getProjects().get(column) instanceof org.apache.calcite.rex.RexInputRef ref)) {
                    return null;
                }
                column = ref.getIndex();
            }
            sortColumns[i] = column;
        }
        IndexOrder.Access access = IndexOrder.derive(t.value(), condition, sortColumns, descending, sort.fetch != null);
        if (access == null) {
            return null;
        }
        ImmutableBitSet projected = project == null ? null : RelOptUtil.InputFinder.bits(project.getProjects(), null);
        ImmutableBitSet used = projected == null || condition == null ? projected
                : projected.union(RelOptUtil.InputFinder.bits(condition));
        int width = t.value().schema().columns().size();
        Operator read;
        if (access.index() != null) {
            read = new dev.scion.sql.exec.OrderedIndexScanOp(t.database(), t.name(), t.value(), access.index(),
                    access.ranges(), access.reverse(), columnMask(used, width));
            read = condition == null ? read : new FilterOp(read, compile(condition, scan));
        } else if (!access.reverse()) {
            read = scan(scan, condition, projected); // every primary-key read returns key order
        } else {
            KeyAccess key = condition == null ? KeyAccess.full() : KeyAccess.derive(t.value(), condition);
            if (key.range() == null && key.pointKey() == null && sort.fetch == null && condition != null
                    && indexRanges(t.value(), condition) != null) {
                return null; // an index range and a sort beat reading the whole table backwards
            }
            read = new TableScanOp(t.database(), t.name(), t.value(), key.range() == null ? KeyRange.ALL : key.range(),
                    key.pointKey(), columnMask(used, width), true);
            read = condition == null ? read : new FilterOp(read, compile(condition, scan));
        }
        if (project == null) {
            return read;
        }
        Expr[] exprs = project.getProjects().stream().map(e -> compile(e, project.getInput())).toArray(Expr[]::new);
        return new ProjectOp(read, exprs);
    }

    /**
     * {@code rel} as one read of a user table with a key, for an index lookup join: a scan, a filtered scan, either
     * under a projection, that under a filter; null for anything else.
     */
    private LookupJoins.TableSide tableSide(RelNode rel) {
        RexNode sideCondition = null;
        if (rel instanceof LogicalFilter top && top.getInput() instanceof LogicalProject) {
            sideCondition = top.getCondition(); // over the projected columns: tested with the join's residual
            rel = top.getInput();
        }
        LogicalProject project = rel instanceof LogicalProject p ? p : null;
        int[] keyColumns = null;
        if (project != null) {
            keyColumns = new int[project.getProjects().size()];
            for (int i = 0; i < keyColumns.length; i++) {
                keyColumns[i] = KeyConstants.column(project.getProjects().get(i));
            }
            rel = project.getInput();
        }
        UserTableRead userRead = UserTableRead.of(rel, tables);
        if (userRead == null) {
            return null;
        }
        LogicalTableScan scan = userRead.scan();
        RexNode condition = userRead.condition();
        ScionTable t = userRead.table();
        if (t == null || t.value().schema().isKeyless()) {
            return null;
        }
        Expr[] exprs = null;
        if (project != null) {
            if (project.getProjects().stream().anyMatch(org.apache.calcite.rex.RexOver::containsOver)) {
                return null;
            }
            exprs = project.getProjects().stream().map(e -> compile(e, project.getInput())).toArray(Expr[]::new);
        }
        return new LookupJoins.TableSide(t, condition == null ? null : compile(condition, scan), exprs, keyColumns,
                sideCondition);
    }

    private static String workTableName(org.apache.calcite.plan.RelOptTable table) {
        return String.join(".", table.getQualifiedName());
    }

    /** WITH ROLLUP and other grouping sets: one aggregation per set over the input read once. */
    private static Operator groupingSets(LogicalAggregate a) {
        List<int[]> sets = new ArrayList<>();
        for (var set : a.getGroupSets()) {
            sets.add(set.toArray());
        }
        List<dev.scion.sql.exec.GroupingSetsOp.Output> outputs = new ArrayList<>();
        for (AggregateCall c : a.getAggCallList()) {
            int[] args = c.getArgList().stream().mapToInt(Integer::intValue).toArray();
            var kind = c.getAggregation().getKind();
            if (kind == org.apache.calcite.sql.SqlKind.GROUPING || kind == org.apache.calcite.sql.SqlKind.GROUPING_ID) {
                outputs.add(new dev.scion.sql.exec.GroupingSetsOp.Output(null, args));
            } else {
                outputs.add(new dev.scion.sql.exec.GroupingSetsOp.Output(
                        AggregateFunctions.call(c), null));
            }
        }
        return new dev.scion.sql.exec.GroupingSetsOp(build(a.getInput()), a.getGroupSet().toArray(), sets, outputs);
    }

    /**
     * {@code SELECT DISTINCT} ordered by every one of its columns, each compared as binary (no collation, no JSON):
     * one sort that keeps each run of equal rows once ({@link DistinctSortOp}), instead of hashing every row into
     * groups and sorting the groups. Null when {@code s} is not such a sort.
     */
    private Operator distinctSort(LogicalSort s, List<SortOp.Key> keys) {
        if (!(s.getInput() instanceof LogicalAggregate a) || !a.getAggCallList().isEmpty()
                || a.getGroupSets().size() > 1 || a.getGroupCount() == 0 || keys.size() < a.getGroupCount()) {
            return null;
        }
        boolean[] ordered = new boolean[a.getGroupCount()];
        for (SortOp.Key k : keys) {
            if (k.json() || k.collation() != null || k.field() >= ordered.length) {
                return null;
            }
            ordered[k.field()] = true;
        }
        int[] groupKeys = a.getGroupSet().toArray();
        for (int i = 0; i < groupKeys.length; i++) {
            String c = dev.scion.sql.expr.TextCollation.of(
                    a.getInput().getRowType().getFieldList().get(groupKeys[i]).getType());
            if (!ordered[i] || !dev.scion.sql.expr.TextCollation.binary(c)) {
                return null;
            }
        }
        return new DistinctSortOp(input(a.getInput(), a.getGroupSet()), groupKeys, keys);
    }

    /**
     * The operator for {@code in}, whose consumer reads only the columns {@code used}: a filtered table scan learns
     * which table columns the query needs, so a secondary index holding all of them can answer without the rows,
     * and a table or index scan decodes only those columns of each row (a range that projects {@code c} skips
     * sysbench's {@code pad}). A projection passes on the columns all its expressions name, since every one is
     * evaluated; an aggregate those its groups, arguments, filters and orderings name.
     */
    private Operator input(RelNode in, ImmutableBitSet used) {
        return input(in, used, false);
    }

    /** {@code anyOrder}: the rows may reach the consumer in any order (a projection keeps the order it is given). */
    private Operator project(LogicalProject p, boolean anyOrder) {
        Expr[] exprs = p.getProjects().stream().map(e -> compile(e, p.getInput())).toArray(Expr[]::new);
        return new ProjectOp(input(p.getInput(), RelOptUtil.InputFinder.bits(p.getProjects(), null), anyOrder), exprs);
    }

    /** {@code anyOrder}: the consumer's answer does not depend on the order of its input rows. */
    private Operator input(RelNode in, ImmutableBitSet used, boolean anyOrder) {
        if (anyOrder && in instanceof LogicalProject p) {
            return project(p, true);
        }
        if (in instanceof LogicalFilter f && f.getInput() instanceof LogicalTableScan scan) {
            return scan(scan, f.getCondition(), used, anyOrder);
        }
        if (in instanceof LogicalTableScan scan) {
            return scan(scan, null, used, anyOrder);
        }
        return op(in);
    }

    /**
     * Whether {@code a}'s answer is the same for its input rows in any order: no groups (whose output follows the
     * order groups are first seen in) and only aggregates that do not depend on order (GROUP_CONCAT, JSON_ARRAYAGG
     * and the like do).
     */
    private static boolean orderFree(LogicalAggregate a) {
        if (!a.getGroupSet().isEmpty()) {
            return false;
        }
        for (AggregateCall c : a.getAggCallList()) {
            switch (c.getAggregation().getKind()) {
                case COUNT, SUM, SUM0, MIN, MAX, AVG -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private Operator scan(LogicalTableScan scan, RexNode condition) {
        return scan(scan, condition, null, false);
    }

    private Operator scan(LogicalTableScan scan, RexNode condition, ImmutableBitSet used) {
        return scan(scan, condition, used, false);
    }

    /**
     * {@code used}: the table columns the consumer reads, not counting the condition's, or null for all of them;
     * {@code anyOrder}: the rows may come in any order (a covering index range then streams in index order instead of
     * being sorted by primary key). A primary-key range that is exactly the condition needs no filter, so it decodes
     * only the consumer's columns (sysbench's {@code SELECT c ... WHERE id BETWEEN} leaves the key undecoded).
     */
    private Operator scan(LogicalTableScan scan, RexNode condition, ImmutableBitSet used, boolean anyOrder) {
        if (scan.getTable().unwrap(org.apache.calcite.schema.TransientTable.class) != null) {
            // a recursive CTE's name inside its recursive part: the rows of the last round
            Operator op = new WorkTableScanOp(workTableName(scan.getTable()));
            return condition == null ? op : new FilterOp(op, ExprCompiler.compile(condition));
        }
        SystemTableAdapter sys = scan.getTable().unwrap(SystemTableAdapter.class);
        if (sys != null) {
            Operator op = new SystemScanOp(sys.database(), sys.table());
            return condition == null ? op : new FilterOp(op, ExprCompiler.compile(condition));
        }
        ScionTable planned = scan.getTable().unwrap(ScionTable.class);
        ScionTable t = planned == null ? null : tables.apply(planned);
        if (t == null) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "cannot read " + scan.getTable().getQualifiedName());
        }
        KeyAccess access = condition == null ? KeyAccess.full() : KeyAccess.derive(t.value(), condition);
        ImmutableBitSet filtered = used == null || condition == null ? used
                : used.union(RelOptUtil.InputFinder.bits(condition));
        if (condition != null && access.range() == null && access.pointKey() == null) {
            // no primary-key bound: a secondary index bounded on both sides reads only the rows in its ranges
            IndexRanges.Access index = indexRanges(t.value(), condition);
            if (index != null) {
                Operator read = covers(t.value().schema(), index.index(), filtered)
                        ? covering(new CoveringIndexScanOp(t.database(), t.name(), t.value(), index.index(),
                                index.ranges()), anyOrder)
                        : new IndexScanOp(t.database(), t.name(), t.value(), index.index(), index.ranges(),
                                columnMask(filtered, t.value().schema().columns().size()));
                return index.exact() ? read : new FilterOp(read, compile(condition, scan));
            }
        }
        Operator op = new TableScanOp(t.database(), t.name(), t.value(), access.range() == null ? KeyRange.ALL : access.range(),
                access.pointKey(), columnMask(access.exact() ? used : filtered, t.value().schema().columns().size()));
        return condition == null || access.exact() ? op : new FilterOp(op, compile(condition, scan));
    }

    private static Operator covering(CoveringIndexScanOp read, boolean anyOrder) {
        return anyOrder ? read.inAnyOrder() : read;
    }

    /** {@code e} evaluated over the rows of {@code input}, MATCH ... AGAINST bound to the index it searches. */
    private Expr compile(RexNode e, RelNode input) {
        if (parts != null && PlanParts.shareable(e)) {
            return parts.expression(e, () -> ExprCompiler.compile(e)); // no MATCH in a shareable expression
        }
        return ExprCompiler.compile(e, dev.scion.sql.fulltext.FullTextBinder.of(input, tables));
    }

    /** The secondary-index ranges {@code condition} reads of {@code table}, or null (see {@link IndexRanges}). */
    private IndexRanges.Access indexRanges(dev.scion.versioning.model.TableValue table, RexNode condition) {
        return parts == null ? IndexRanges.derive(table, condition)
                : parts.rangeTemplate(table.schema(), condition).derive(table);
    }

    /** {@code used} as a per-column mask for a scan's decoding; null (decode all) when unknown. */
    private static boolean[] columnMask(ImmutableBitSet used, int width) {
        if (used == null) {
            return null;
        }
        boolean[] mask = new boolean[width];
        for (int c : used) {
            if (c < width) {
                mask[c] = true;
            }
        }
        return mask;
    }

    /**
     * Whether the entries of {@code index} hold every column in {@code used}: its own columns and the primary key.
     * Integer columns only, whose key encoding decodes to exactly the value a row holds (a string's key is its
     * collation's sort key, not its text).
     */
    /** Per output column of {@code rel}, its collation when not binary; null when every column is binary. */
    private static String[] columnCollations(org.apache.calcite.rel.RelNode rel) {
        var fields = rel.getRowType().getFieldList();
        String[] out = new String[fields.size()];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            String c = dev.scion.sql.expr.TextCollation.of(fields.get(i).getType());
            if (!dev.scion.sql.expr.TextCollation.binary(c)) {
                out[i] = c;
                any = true;
            }
        }
        return any ? out : null;
    }

    /** Per aggregate call, its first argument's collation when not binary; null when every call is binary. */
    private static String[] argumentCollations(LogicalAggregate a) {
        List<AggregateCall> list = a.getAggCallList();
        String[] out = new String[list.size()];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            List<Integer> args = list.get(i).getArgList();
            if (!args.isEmpty()) {
                String c = dev.scion.sql.expr.TextCollation.of(
                        a.getInput().getRowType().getFieldList().get(args.get(0)).getType());
                if (!dev.scion.sql.expr.TextCollation.binary(c)) {
                    out[i] = c;
                    any = true;
                }
            }
        }
        return any ? out : null;
    }

    private static boolean covers(dev.scion.versioning.schema.TableSchema schema, dev.scion.versioning.schema.IndexDef index,
                                  ImmutableBitSet used) {
        if (used == null || schema.isKeyless()) {
            return false;
        }
        java.util.Set<Integer> held = new java.util.HashSet<>();
        for (String c : index.columns()) {
            held.add(schema.columnIndex(c));
        }
        for (int k : schema.primaryKeyIndexes()) {
            held.add(k);
        }
        for (int c : used) {
            if (!held.contains(c) || !schema.columns().get(c).type().kind().isInteger()) {
                return false;
            }
        }
        return true;
    }
}
