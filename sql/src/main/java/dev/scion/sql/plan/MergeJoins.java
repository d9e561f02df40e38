package dev.scion.sql.plan;

import dev.scion.sql.exec.JoinKind;
import dev.scion.sql.exec.KeyValues;
import dev.scion.sql.exec.MergeJoinOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether an equi-join runs as a merge join ({@link MergeJoinOp}): both inputs must be reads of one table
 * each (the shapes {@link LookupJoins.TableSide} describes), which arrive in primary-key order, and the join's
 * equalities must pair the leading primary-key columns of the two tables in order (PK = PK, or the first columns of
 * both keys), with the same storage type on each side and keys that order as their values compare. Both inputs
 * must be estimated at {@link #MIN_ROWS} rows or more: a hash join of small inputs costs little, while a merge join
 * of large ones holds no hash table and streams from the first row. INNER and LEFT joins.
 */
final class MergeJoins {
    /** Estimated rows both inputs must reach for the merge join to be chosen. */
    static final double MIN_ROWS = 1000;

    private MergeJoins() {
    }

    /** The merge join for {@code j}, or null. Arguments as for {@link LookupJoins#plan}. */
    static Operator plan(Join j, JoinKind kind, int[] leftKeys, int[] rightKeys, List<RexNode> keyConjuncts,
                         List<RexNode> residual, Function<RelNode, Operator> build,
                         Function<RelNode, LookupJoins.TableSide> tableSide) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT) {
            return null;
        }
        var mq = j.getCluster().getMetadataQuery();
        Double leftRows = mq.getRowCount(j.getLeft());
        Double rightRows = mq.getRowCount(j.getRight());
        if (leftRows == null || rightRows == null || leftRows < MIN_ROWS || rightRows < MIN_ROWS) {
            return null;
        }
        LookupJoins.TableSide left = tableSide.apply(j.getLeft());
        LookupJoins.TableSide right = tableSide.apply(j.getRight());
        if (left == null || right == null) {
            return null;
        }
        TableSchema ls = left.table().value().schema();
        TableSchema rs = right.table().value().schema();
        int[] lpk = ls.primaryKeyIndexes();
        int[] rpk = rs.primaryKeyIndexes();
        List<Integer> used = new ArrayList<>();
        for (int k = 0; k < Math.min(lpk.length, rpk.length); k++) {
            int found = -1;
            for (int i = 0; i < leftKeys.length && found < 0; i++) {
                if (left.tableColumn(leftKeys[i]) == lpk[k] && right.tableColumn(rightKeys[i]) == rpk[k]
                        && mergeable(ls.columns().get(lpk[k]).type(), rs.columns().get(rpk[k]).type())) {
                    found = i;
                }
            }
            if (found < 0) {
                break;
            }
            used.add(found);
        }
        if (used.isEmpty()) {
            return null;
        }
        int n = used.size();
        int[] lk = new int[n];
        int[] rk = new int[n];
        ColumnType[] lt = new ColumnType[n];
        ColumnType[] rt = new ColumnType[n];
        for (int k = 0; k < n; k++) {
            lk[k] = leftKeys[used.get(k)];
            rk[k] = rightKeys[used.get(k)];
            lt[k] = ls.columns().get(lpk[k]).type();
            rt[k] = rs.columns().get(rpk[k]).type();
        }
        List<RexNode> rest = new ArrayList<>(residual);
        for (int i = 0; i < keyConjuncts.size(); i++) {
            if (!used.contains(i)) {
                rest.add(keyConjuncts.get(i)); // an equality the order does not follow is tested on each pair
            }
        }
        RexNode residualNode = rest.isEmpty() ? null : RexUtil.composeConjunction(j.getCluster().getRexBuilder(), rest);
        return new MergeJoinOp(build.apply(j.getLeft()), build.apply(j.getRight()), lk, rk, lt, rt,
                residualNode == null ? null : ExprCompiler.compile(residualNode), kind,
                j.getRight().getRowType().getFieldCount());
    }

    /** Whether two key columns order alike: the same storage type, both ordering as their values compare. */
    private static boolean mergeable(ColumnType a, ColumnType b) {
        return KeyValues.ordersAsCompared(a) && KeyValues.ordersAsCompared(b) && a.fieldType() == b.fieldType()
                && a.kind().isString() == b.kind().isString();
    }
}
