package dev.scion.sql.plan;

import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the sub-query expressions (IN, EXISTS, scalar sub-queries) of a plan converted without expansion into
 * joins and correlates, which the physical planner runs. Used only for the queries Calcite's expanding conversion
 * cannot convert (see {@link QueryPlanner}).
 */
final class SubQueryRemoval {
    private SubQueryRemoval() {
    }

    /**
     * One collection, applied together until none matches: a rule's rewrite can leave a sub-query in a node another
     * rule handles ({@code (scalar sub-query) IN (correlated sub-query)} in a select list puts the scalar sub-query
     * in a filter of the IN's correlate), which rules applied one after the other never revisit.
     */
    private static final HepProgram PROGRAM = HepProgram.builder()
            .addRuleCollection(List.of(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    static RelNode remove(RelNode rel) {
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setRoot(rel);
        return planner.findBestExp().accept(new LiteralAggregates());
    }

    /**
     * The sub-query rules mark "the group has a row" with LITERAL_AGG(true), which the executor does not have:
     * the literal becomes a column of the aggregate's input and the call MIN of it (every group the aggregate
     * makes has a row, so MIN is the literal).
     */
    private static final class LiteralAggregates extends RelHomogeneousShuttle {
        @Override
        public RelNode visit(RelNode other) {
            RelNode node = super.visit(other);
            if (!(node instanceof Aggregate agg)
                    || agg.getAggCallList().stream().noneMatch(c -> c.getAggregation().getKind() == SqlKind.LITERAL_AGG)) {
                return node;
            }
            RelNode input = agg.getInput();
            List<RexNode> exprs = new ArrayList<>();
            List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
            for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
                exprs.add(agg.getCluster().getRexBuilder().makeInputRef(input, i));
            }
            List<AggregateCall> calls = new ArrayList<>();
            for (AggregateCall c : agg.getAggCallList()) {
                if (c.getAggregation().getKind() != SqlKind.LITERAL_AGG) {
                    calls.add(c);
                    continue;
                }
                exprs.add(c.rexList.get(0));
                names.add("$literal" + exprs.size());
                calls.add(AggregateCall.create(SqlStdOperatorTable.MIN, false, List.of(exprs.size() - 1), -1,
                        c.getType(), c.getName()));
            }
            RelNode widened = LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
            return agg.copy(agg.getTraitSet(), widened, agg.getGroupSet(), agg.getGroupSets(), calls);
        }
    }
}
