package dev.scion.sql.plan;

import dev.scion.sql.exec.IndexLookupJoinOp;
import dev.scion.sql.exec.JoinKind;
import dev.scion.sql.exec.KeyLookup;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether an equi-join runs as an index nested-loop join ({@link IndexLookupJoinOp}): one side must be a
 * table read (possibly filtered, possibly selecting columns) whose primary key or a secondary index starts with
 * integer columns the join's equalities give values for, and the other side must be small against that table. The
 * rule is a row-count comparison: a lookup costs a few node searches, a hash join reads and hashes the whole table,
 * so the lookup wins when the outer side has well under {@link #RATIO} times fewer rows than the table. Row counts
 * are cheap: the table's comes from its tree's root, the outer side's from Calcite's estimate.
 */
final class LookupJoins {
    /** How many times more rows the table must have than the outer side for lookups to be chosen. */
    static final double RATIO = 4;

    /**
     * A join input that is one table read: the table, a filter on its rows, the projection computing its columns
     * from a table row (null: the row itself), and for each of its columns the table column whose value it is for
     * an equality (the column itself or a numeric cast of an integer column; -1 otherwise), and a condition on the
     * projected columns (null: none), which joins the residual.
     */
    record TableSide(ScionTable table, Expr filter, Expr[] project, int[] keyColumns, RexNode projectedCondition) {
        int tableColumn(int sideColumn) {
            return keyColumns == null ? sideColumn : keyColumns[sideColumn];
        }
    }

    /** Which key a lookup uses and how many of its leading columns, with the equalities (by key number) feeding it. */
    private record Access(IndexDef index, int[] keyNumbers) {
    }

    private LookupJoins() {
    }

    /**
     * The lookup join for {@code j}, or null when a hash join should run it. {@code leftKeys[i] = rightKeys[i]} are
     * the join's hashable equalities, {@code keyConjuncts[i]} the condition terms they came from.
     */
    static Operator plan(Join j, JoinKind kind, int[] leftKeys, int[] rightKeys, List<RexNode> keyConjuncts,
                         List<RexNode> residual, Function<RelNode, Operator> build,
                         Function<RelNode, TableSide> tableSide) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT && kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            return null;
        }
        var mq = j.getCluster().getMetadataQuery();
        TableSide right = tableSide.apply(j.getRight());
        if (right != null) {
            Access a = access(right, rightKeys);
            Double outerRows = mq.getRowCount(j.getLeft());
            if (a != null && outerRows != null && cheaper(outerRows, right)) {
                return build(j, kind, a, right, leftKeys, keyConjuncts, residual, build.apply(j.getLeft()), false);
            }
        }
        if (kind != JoinKind.INNER) {
            return null;
        }
        TableSide left = tableSide.apply(j.getLeft());
        if (left != null) {
            Access a = access(left, leftKeys);
            Double outerRows = mq.getRowCount(j.getRight());
            if (a != null && outerRows != null && cheaper(outerRows, left)) {
                return build(j, kind, a, left, rightKeys, keyConjuncts, residual, build.apply(j.getRight()), true);
            }
        }
        return null;
    }

    private static boolean cheaper(double outerRows, TableSide inner) {
        long tableRows = ProllyMap.load(inner.table().database().buffer(), inner.table().value().rows()).count();
        return outerRows * RATIO < tableRows;
    }

    private static Operator build(Join j, JoinKind kind, Access a, TableSide inner, int[] outerSideKeys,
                                  List<RexNode> keyConjuncts, List<RexNode> residual, Operator outer,
                                  boolean outerIsRight) {
        int[] outerKeys = new int[a.keyNumbers().length];
        List<RexNode> rest = new ArrayList<>(residual);
        boolean[] used = new boolean[keyConjuncts.size()];
        for (int i = 0; i < outerKeys.length; i++) {
            outerKeys[i] = outerSideKeys[a.keyNumbers()[i]];
            used[a.keyNumbers()[i]] = true;
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                rest.add(keyConjuncts.get(i)); // an equality on a column the key does not lead with
            }
        }
        if (inner.projectedCondition() != null) {
            // a row it rejects matches nothing, which is what the residual rejecting the pair means for every kind
            rest.add(outerIsRight ? inner.projectedCondition()
                    : RexUtil.shift(inner.projectedCondition(), j.getLeft().getRowType().getFieldCount()));
        }
        Expr residualExpr = rest.isEmpty() ? null
                : ExprCompiler.compile(RexUtil.composeConjunction(j.getCluster().getRexBuilder(), rest));
        ScionTable t = inner.table();
        KeyLookup lookup = new KeyLookup(t.database(), t.name(), t.value(), a.index(), outerKeys.length);
        return new IndexLookupJoinOp(outer, lookup, outerKeys, inner.filter(), inner.project(), residualExpr, kind,
                outerIsRight);
    }

    /**
     * The key of {@code side}'s table with the longest run of leading integer columns that {@code sideKeys} (side
     * columns equated with the other side) give, the primary key on a tie; null when none starts with one.
     */
    private static Access access(TableSide side, int[] sideKeys) {
        TableSchema schema = side.table().value().schema();
        if (schema.isKeyless()) {
            return null;
        }
        int[] tableKeys = new int[sideKeys.length];
        for (int i = 0; i < sideKeys.length; i++) {
            tableKeys[i] = side.tableColumn(sideKeys[i]); // -1 matches no key column
        }
        Access best = null;
        int[] pk = schema.primaryKeyIndexes();
        int[] numbers = leading(schema, pk, tableKeys);
        if (numbers.length > 0) {
            best = new Access(null, numbers);
        }
        for (IndexDef index : schema.indexes()) {
            if (index.fulltext() || !side.table().value().indexes().containsKey(index.name())) {
                continue;
            }
            int[] columns = index.columns().stream().mapToInt(schema::columnIndex).toArray();
            int[] n = leading(schema, columns, tableKeys);
            if (n.length > 0 && (best == null || n.length > best.keyNumbers().length)) {
                best = new Access(index, n);
            }
        }
        return best;
    }

    /** For each leading column of {@code key} that an integer equality gives, the equality's number, in key order. */
    private static int[] leading(TableSchema schema, int[] key, int[] tableKeys) {
        List<Integer> out = new ArrayList<>();
        for (int column : key) {
            if (column < 0 || !schema.columns().get(column).type().kind().isInteger()) {
                break;
            }
            int found = -1;
            for (int i = 0; i < tableKeys.length && found < 0; i++) {
                if (tableKeys[i] == column) {
                    found = i;
                }
            }
            if (found < 0) {
                break;
            }
            out.add(found);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
