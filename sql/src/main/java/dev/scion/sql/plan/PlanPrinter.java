package dev.scion.sql.plan;

import dev.scion.sql.exec.Operator;

/** Renders a physical plan as an indented tree, one operator per line (used by golden-file plan tests). */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String print(Operator root) {
        StringBuilder sb = new StringBuilder();
        print(root, 0, sb);
        return sb.toString();
    }

    private static void print(Operator op, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(op.explain()).append('\n');
        for (Operator in : op.inputs()) {
            print(in, depth + 1, sb);
        }
    }
}
