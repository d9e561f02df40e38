package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.CorrelateOp;
import dev.scion.sql.exec.HashJoinOp;
import dev.scion.sql.exec.JoinKind;
import dev.scion.sql.exec.NestedLoopJoinOp;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.ExprCompiler;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses the physical join: a hash join when the condition has equalities between a left and a right column of
 * comparable types (the rest of the condition is tested on each match), or an index lookup join when one side is
 * a table whose key those equalities lead and the other side is small ({@link LookupJoins}), or a merge join when
 * both sides are large table reads ordered by the primary keys the equalities pair ({@link MergeJoins}), otherwise a
 * nested loop; a correlated
 * subquery runs its right side once per left row.
 */
final class JoinPlanner {
    private JoinPlanner() {
    }

    static JoinKind kind(JoinRelType t) {
        return switch (t) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case SEMI -> JoinKind.SEMI;
            case ANTI -> JoinKind.ANTI;
            default -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support "
                    + t + " joins");
        };
    }

    static Operator join(Join j, Function<org.apache.calcite.rel.RelNode, Operator> build,
                         Function<org.apache.calcite.rel.RelNode, LookupJoins.TableSide> tableSide) {
        JoinKind kind = kind(j.getJoinType());
        int leftWidth = j.getLeft().getRowType().getFieldCount();
        int rightWidth = j.getRight().getRowType().getFieldCount();
        List<RexNode> conjuncts = org.apache.calcite.plan.RelOptUtil.conjunctions(j.getCondition());
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<RexNode> keyConjuncts = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        List<org.apache.calcite.rel.type.RelDataTypeField> fields = new ArrayList<>(j.getLeft().getRowType().getFieldList());
        fields.addAll(j.getRight().getRowType().getFieldList());
        for (RexNode c : conjuncts) {
            if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall call
                    && call.getOperands().get(0) instanceof RexInputRef a
                    && call.getOperands().get(1) instanceof RexInputRef b) {
                int x = a.getIndex();
                int y = b.getIndex();
                if (x >= leftWidth && y < leftWidth) {
                    int t = x;
                    x = y;
                    y = t;
                }
                if (x < leftWidth && y >= leftWidth
                        && hashable(fields.get(x).getType(), fields.get(y).getType())) {
                    leftKeys.add(x);
                    rightKeys.add(y - leftWidth);
                    keyConjuncts.add(c);
                    continue;
                }
            }
            residual.add(c);
        }
        if (!leftKeys.isEmpty()) {
            Operator lookup = LookupJoins.plan(j, kind, leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                    rightKeys.stream().mapToInt(Integer::intValue).toArray(), keyConjuncts, residual, build,
                    tableSide);
            if (lookup != null) {
                return lookup;
            }
            Operator merge = MergeJoins.plan(j, kind, leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                    rightKeys.stream().mapToInt(Integer::intValue).toArray(), keyConjuncts, residual, build,
                    tableSide);
            if (merge != null) {
                return merge;
            }
        }
        Operator left = build.apply(j.getLeft());
        Operator right = build.apply(j.getRight());
        if (leftKeys.isEmpty()) {
            return new NestedLoopJoinOp(left, right, ExprCompiler.compile(j.getCondition()), kind, leftWidth,
                    rightWidth);
        }
        RexNode rest = residual.isEmpty() ? null
                : RexUtil.composeConjunction(j.getCluster().getRexBuilder(), residual);
        HashJoinOp hash = new HashJoinOp(left, right, leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                rightKeys.stream().mapToInt(Integer::intValue).toArray(),
                rest == null ? null : ExprCompiler.compile(rest), kind, leftWidth, rightWidth);
        // text keys match by the collation their = compares with (MySQL's coercibility rules, 1267 included)
        String[] collations = new String[keyConjuncts.size()];
        boolean collated = false;
        for (int i = 0; i < collations.length; i++) {
            RexCall eq = (RexCall) keyConjuncts.get(i);
            String c = dev.scion.sql.expr.TextCollation.forComparison(eq.getOperands().get(0),
                    eq.getOperands().get(1), "=");
            if (!dev.scion.sql.expr.TextCollation.binary(c)) {
                collations[i] = c;
                collated = true;
            }
        }
        return collated ? hash.withKeyCollations(collations) : hash;
    }

    static Operator correlate(Correlate c, Function<org.apache.calcite.rel.RelNode, Operator> build) {
        JoinKind kind = kind(c.getJoinType());
        return new CorrelateOp(build.apply(c.getLeft()), build.apply(c.getRight()), c.getCorrelationId().getId(),
                kind, c.getRight().getRowType().getFieldCount());
    }

    /** Whether equal values of the two types hash alike after {@link HashJoinOp}'s normalisation. */
    private static boolean hashable(RelDataType a, RelDataType b) {
        SqlTypeName x = a.getSqlTypeName();
        SqlTypeName y = b.getSqlTypeName();
        boolean numX = SqlTypeFamily.NUMERIC.getTypeNames().contains(x);
        boolean numY = SqlTypeFamily.NUMERIC.getTypeNames().contains(y);
        if (numX && numY) {
            return true;
        }
        boolean charX = SqlTypeFamily.CHARACTER.getTypeNames().contains(x);
        boolean charY = SqlTypeFamily.CHARACTER.getTypeNames().contains(y);
        if (charX && charY) {
            return true;
        }
        return x == y && (x == SqlTypeName.DATE || x == SqlTypeName.BOOLEAN);
    }
}
