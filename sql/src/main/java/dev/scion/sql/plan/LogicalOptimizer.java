package dev.scion.sql.plan;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * Rewrites SqlToRel's logical plan before physical planning, with Calcite's heuristic planner only (no cost-based
 * search, no code generation): WHERE conditions move into joins and down to the tables they name, and inner-join
 * chains are reordered by {@link JoinOrderer} so that tables connected by a condition are joined next to each other
 * instead of forming a cross product (FROM t1, t2, ... WHERE a1 = b2 AND ...).
 */
final class LogicalOptimizer {
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
        b.addRuleInstance(CoreRules.FILTER_INTO_JOIN);
        b.addRuleInstance(CoreRules.JOIN_CONDITION_PUSH);
        b.addGroupEnd();
        return b.build();
    }

    static RelNode optimize(RelNode rel) {
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setRoot(rel);
        return JoinOrderer.reorder(planner.findBestExp());
    }
}
