package dev.scion.sql.plan;

import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Rewrites SqlToRel's logical plan before physical planning, with Calcite's heuristic planner only (no cost-based
 * search, no code generation): WHERE conditions move into joins and down to the tables they name, and inner-join
 * chains are reordered by {@link JoinOrderer} so that tables connected by a condition are joined next to each other
 * instead of forming a cross product (FROM t1, t2, ... WHERE a1 = b2 AND ...).
 */
final class LogicalOptimizer {
    /**
     * The join rules build their filters without RexSimplify: each push of a condition one join down re-simplified the
     * whole remaining conjunction, which made pushing the WHERE of an n-table join quadratic in its conditions (the
     * largest cost of planning sqllogictest's 64-table joins). The conditions stay as written; the executor evaluates
     * them the same.
     */
    private static final RelBuilderFactory UNSIMPLIFIED =
            RelBuilder.proto(Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false)));
    private static final HepProgram PROGRAM = program();

    private LogicalOptimizer() {
    }

    private static HepProgram program() {
        HepProgramBuilder b = HepProgram.builder();
        // OVER (...) expressions inside projections become Window nodes for WindowOp
        b.addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);
        b.addMatchOrder(HepMatchOrder.BOTTOM_UP);
        b.addGroupBegin();
        b.addRuleInstance(CoreRules.FILTER_MERGE);
        b.addRuleInstance(CoreRules.FILTER_INTO_JOIN.config.withRelBuilderFactory(UNSIMPLIFIED).toRule());
        b.addRuleInstance(CoreRules.JOIN_CONDITION_PUSH.config.withRelBuilderFactory(UNSIMPLIFIED).toRule());
        b.addGroupEnd();
        return b.build();
    }

    static RelNode optimize(RelNode rel) {
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setRoot(rel);
        return JoinOrderer.reorder(planner.findBestExp());
    }
}
