package dev.scion.sql.plan;

import dev.scion.sql.exec.IndexEndOp;
import dev.scion.sql.exec.KeyValues;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Plans {@code SELECT MIN(c), MAX(c) ... FROM t [WHERE a = ? AND ...]} without GROUP BY as reads of one end of a key
 * ({@link IndexEndOp}): every call must be MIN or MAX of a column whose keys order as its values compare
 * ({@link KeyValues}), following in the primary key or a whole-value index the leading columns the filter fixes,
 * and every conjunct of the filter must be such an equality. A filter with other conditions could reject entry after
 * entry, so it keeps the scan (MySQL likewise reads an index end only when the WHERE is all key equalities).
 */
final class IndexEnds {
    private IndexEnds() {
    }

    /** The operator answering {@code a}, or null when it is not such a query. */
    static Operator plan(LogicalAggregate a, UnaryOperator<ScionTable> tables) {
        if (!a.getGroupSet().isEmpty() || a.getGroupSets().size() != 1 || a.getAggCallList().isEmpty()) {
            return null;
        }
        RelNode in = a.getInput();
        LogicalProject project = in instanceof LogicalProject p ? p : null;
        if (project != null) {
            in = project.getInput();
        }
        UserTableRead userRead = UserTableRead.of(in, tables);
        if (userRead == null) {
            return null;
        }
        RexNode condition = userRead.condition();
        ScionTable t = userRead.table();
        if (t.value().schema().isKeyless()) {
            return null;
        }
        TableSchema schema = t.value().schema();
        Map<Integer, Object> fixed = condition == null ? Map.of() : fixedColumns(schema, condition);
        if (fixed == null) {
            return null;
        }
        List<IndexEndOp.End> ends = new ArrayList<>();
        for (AggregateCall call : a.getAggCallList()) {
            SqlKind kind = call.getAggregation().getKind();
            if (kind != SqlKind.MIN && kind != SqlKind.MAX || call.getArgList().size() != 1 || call.filterArg >= 0) {
                return null;
            }
            int column = call.getArgList().get(0);
            if (project != null) {
                if (!(project.getProjects().get(column) instanceof RexInputRef ref)) {
                    return null;
                }
                column = ref.getIndex();
            }
            IndexEndOp.End end = end(t.value(), fixed, column, kind == SqlKind.MAX);
            if (end == null) {
                return null;
            }
            ends.add(end);
        }
        return new IndexEndOp(t.database(), t.name(), t.value(), ends,
                condition == null ? null : ExprCompiler.compile(condition));
    }

    /** The primary key, else the first index, in which {@code column} follows the fixed columns. */
    private static IndexEndOp.End end(TableValue table, Map<Integer, Object> fixed, int column, boolean max) {
        TableSchema schema = table.schema();
        if (!KeyValues.ordersAsCompared(schema.columns().get(column).type()) || fixed.containsKey(column)) {
            return null; // MAX(id) WHERE id = 5 is a point read, not a walk from the end to 5
        }
        byte[] prefix = prefix(schema, schema.primaryKeyIndexes(), fixed, column);
        if (prefix != null) {
            return new IndexEndOp.End(null, prefix, column, max);
        }
        for (IndexDef index : schema.indexes()) {
            if (index.fulltext() || index.hasPrefix() || !table.indexes().containsKey(index.name())) {
                continue;
            }
            int[] columns = index.columns().stream().mapToInt(schema::columnIndex).toArray();
            prefix = prefix(schema, columns, fixed, column);
            if (prefix != null) {
                return new IndexEndOp.End(index, prefix, column, max);
            }
        }
        return null;
    }

    /** The encoded fixed leading columns of {@code key} when {@code column} comes right after them, else null. */
    private static byte[] prefix(TableSchema schema, int[] key, Map<Integer, Object> fixed, int column) {
        int e = 0;
        while (e < key.length && key[e] != column && fixed.containsKey(key[e])) {
            e++;
        }
        if (e == key.length || key[e] != column) {
            return null;
        }
        if (e == 0) {
            return new byte[0];
        }
        FieldType[] types = new FieldType[e];
        Object[] values = new Object[e];
        for (int i = 0; i < e; i++) {
            types[i] = schema.columns().get(key[i]).type().fieldType();
            values[i] = fixed.get(key[i]);
        }
        return new TupleDescriptor(types).encodeKey(values);
    }

    /**
     * The columns the condition fixes, with their stored values, when every conjunct is an equality of a key-orderable
     * column with a constant; null otherwise.
     */
    private static Map<Integer, Object> fixedColumns(TableSchema schema, RexNode condition) {
        Map<Integer, Object> out = new HashMap<>();
        for (RexNode c : RelOptUtil.conjunctions(condition)) {
            if (c.getKind() != SqlKind.EQUALS || !(c instanceof RexCall call)) {
                return null;
            }
            RexNode l = call.getOperands().get(0);
            RexNode r = call.getOperands().get(1);
            if (KeyConstants.column(l) < 0) {
                RexNode tmp = l;
                l = r;
                r = tmp;
            }
            int column = KeyConstants.column(l);
            if (column < 0 || column >= schema.columns().size() || !KeyConstants.isConstant(r)) {
                return null;
            }
            var type = schema.columns().get(column).type();
            Object v = KeyConstants.value(r);
            Object stored = !KeyValues.ordersAsCompared(type) || v == KeyConstants.NOT_CONSTANT ? null
                    : KeyValues.exact(type, v);
            if (stored == null || out.containsKey(column) && !out.get(column).equals(stored)) {
                return null; // a value no row holds (or two different ones): leave it to the aggregate over the scan
            }
            out.put(column, stored);
        }
        return out;
    }
}
