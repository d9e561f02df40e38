package dev.scion.sql.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Greedy join ordering for chains of three or more inner joins (FROM t1, t2, t3 ... WHERE ...), in time linear in
 * the conditions per step rather than Calcite's exhaustive LoptOptimizeJoinRule (which does not finish for the
 * dozens of tables sqllogictest joins). The chain is flattened into its inputs and the conjuncts of its conditions;
 * conditions on one input become filters on it; then, starting from the smallest input, the next input is the
 * smallest one connected to those already joined by a condition (a cross product only when none is). Each condition
 * is attached to the first join where all its inputs are present. A final projection restores the original column
 * order, so nothing above (nor correlation variables into this subtree) notices.
 */
final class JoinOrderer {
    private JoinOrderer() {
    }

    static RelNode reorder(RelNode rel) {
        if (isInnerChain(rel)) {
            List<RelNode> inputs = new ArrayList<>();
            List<RexNode> conds = new ArrayList<>();
            flatten(rel, inputs, conds, 0);
            if (inputs.size() >= 3) {
                return order(rel, inputs, conds);
            }
        }
        List<RelNode> newInputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode in : rel.getInputs()) {
            RelNode r = reorder(in);
            changed |= r != in;
            newInputs.add(r);
        }
        return changed ? rel.copy(rel.getTraitSet(), newInputs) : rel;
    }

    private static boolean isInnerChain(RelNode rel) {
        if (rel instanceof LogicalFilter f && f.getVariablesSet().isEmpty()) {
            return f.getInput() instanceof LogicalJoin j && j.getJoinType() == JoinRelType.INNER;
        }
        return rel instanceof LogicalJoin j && j.getJoinType() == JoinRelType.INNER;
    }

    private static void flatten(RelNode rel, List<RelNode> inputs, List<RexNode> conds, int offset) {
        if (isInnerChain(rel)) {
            RexBuilder rb = rel.getCluster().getRexBuilder();
            if (rel instanceof LogicalFilter f) {
                for (RexNode c : RelOptUtil.conjunctions(f.getCondition())) {
                    conds.add(RexUtil.shift(c, offset));
                }
                flatten(f.getInput(), inputs, conds, offset);
                return;
            }
            LogicalJoin j = (LogicalJoin) rel;
            for (RexNode c : RelOptUtil.conjunctions(j.getCondition())) {
                conds.add(RexUtil.shift(c, offset));
            }
            flatten(j.getLeft(), inputs, conds, offset);
            flatten(j.getRight(), inputs, conds, offset + j.getLeft().getRowType().getFieldCount());
            return;
        }
        inputs.add(reorder(rel));
    }

    private static RelNode order(RelNode original, List<RelNode> inputs, List<RexNode> conds) {
        RexBuilder rb = original.getCluster().getRexBuilder();
        int n = inputs.size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + inputs.get(i).getRowType().getFieldCount();
        }
        int total = start[n];
        // which inputs each conjunct reads
        List<ImmutableBitSet> uses = new ArrayList<>();
        for (RexNode c : conds) {
            ImmutableBitSet fields = RelOptUtil.InputFinder.bits(c);
            ImmutableBitSet.Builder b = ImmutableBitSet.builder();
            for (int f : fields) {
                b.set(inputOf(start, f));
            }
            uses.add(b.build());
        }
        boolean[] applied = new boolean[conds.size()];
        // conditions on a single input filter that input before it is joined
        List<RelNode> leaves = new ArrayList<>(inputs);
        for (int i = 0; i < n; i++) {
            List<RexNode> local = new ArrayList<>();
            for (int c = 0; c < conds.size(); c++) {
                if (uses.get(c).cardinality() == 1 && uses.get(c).nth(0) == i && !RexUtil.containsCorrelation(conds.get(c))) {
                    local.add(RexUtil.shift(conds.get(c), -start[i]));
                    applied[c] = true;
                }
            }
            if (!local.isEmpty()) {
                leaves.set(i, LogicalFilter.create(leaves.get(i), RexUtil.composeConjunction(rb, local)));
            }
        }
        RelMetadataQuery mq = original.getCluster().getMetadataQuery();
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            Double r = mq.getRowCount(leaves.get(i));
            rows[i] = r == null ? 100 : r;
        }
        boolean[] placed = new boolean[n];
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (rows[i] < rows[first]) {
                first = i;
            }
        }
        int[] newPos = new int[total];
        Arrays.fill(newPos, -1);
        RelNode current = leaves.get(first);
        placed[first] = true;
        int width = 0;
        for (int f = start[first]; f < start[first + 1]; f++) {
            newPos[f] = width++;
        }
        java.util.BitSet placedSet = new java.util.BitSet();
        placedSet.set(first);
        for (int step = 1; step < n; step++) {
            ImmutableBitSet have = ImmutableBitSet.fromBitSet(placedSet);
            int next = -1;
            boolean nextConnected = false;
            for (int i = 0; i < n; i++) {
                if (placed[i]) {
                    continue;
                }
                boolean connected = false;
                for (int c = 0; c < conds.size() && !connected; c++) {
                    ImmutableBitSet u = uses.get(c);
                    connected = !applied[c] && u.get(i) && u.cardinality() > 1 && have.union(ImmutableBitSet.of(i)).contains(u);
                }
                if (next < 0 || (connected && !nextConnected) || (connected == nextConnected && rows[i] < rows[next])) {
                    next = i;
                    nextConnected = connected;
                }
            }
            placed[next] = true;
            placedSet.set(next);
            for (int f = start[next]; f < start[next + 1]; f++) {
                newPos[f] = width++;
            }
            ImmutableBitSet now = ImmutableBitSet.fromBitSet(placedSet);
            List<RexNode> joinConds = new ArrayList<>();
            for (int c = 0; c < conds.size(); c++) {
                if (!applied[c] && now.contains(uses.get(c)) && (uses.get(c).isEmpty() || uses.get(c).get(next)
                        || step == 1)) {
                    joinConds.add(remap(conds.get(c), newPos));
                    applied[c] = true;
                }
            }
            current = LogicalJoin.create(current, leaves.get(next), List.of(),
                    RexUtil.composeConjunction(rb, joinConds), Set.of(), JoinRelType.INNER);
        }
        List<RexNode> rest = new ArrayList<>();
        for (int c = 0; c < conds.size(); c++) {
            if (!applied[c]) {
                rest.add(remap(conds.get(c), newPos));
            }
        }
        if (!rest.isEmpty()) {
            current = LogicalFilter.create(current, RexUtil.composeConjunction(rb, rest));
        }
        List<RexNode> projects = new ArrayList<>();
        for (int g = 0; g < total; g++) {
            projects.add(rb.makeInputRef(current, newPos[g]));
        }
        return LogicalProject.create(current, List.of(), projects, original.getRowType().getFieldNames(), Set.of());
    }

    private static int inputOf(int[] start, int field) {
        for (int i = 0; i + 1 < start.length; i++) {
            if (field < start[i + 1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("field " + field);
    }

    private static RexNode remap(RexNode c, int[] newPos) {
        return c.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newPos[ref.getIndex()], ref.getType());
            }
        });
    }
}
