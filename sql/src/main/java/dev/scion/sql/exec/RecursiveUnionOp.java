package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A recursive common table expression: the seed's rows, then the recursive part run again and again over the rows
 * the previous round added (read by {@link WorkTableScanOp} under the same name), until a round adds none. UNION
 * (not ALL) keeps only rows not seen before, which also ends cycles. More rounds than cte_max_recursion_depth
 * (MySQL's default 1000) fail as in MySQL (3636). A LIMIT on the CTE ({@code maxRows}) ends the recursion once that
 * many rows exist, as MySQL 8.0.19+ does, so a recursion without its own end condition still finishes.
 */
public final class RecursiveUnionOp implements Operator {
    private static final long DEFAULT_MAX_DEPTH = 1000;

    private final Operator seed;
    private final Operator recursive;
    private final String workTable;
    private final boolean all;
    private final long maxRows;

    /** {@code maxRows}: the CTE's LIMIT (offset plus row count), or -1 for none. */
    public RecursiveUnionOp(Operator seed, Operator recursive, String workTable, boolean all, long maxRows) {
        this.seed = seed;
        this.recursive = recursive;
        this.workTable = workTable;
        this.all = all;
        this.maxRows = maxRows;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        long maxDepth = maxDepth(ctx);
        List<Object[]> result = new ArrayList<>();
        TreeSet<Object[]> seen = null;
        List<Object[]> added = new ArrayList<>();
        try (RowStream s = seed.open(ctx)) {
            for (Object[] r; !full(added.size()) && (r = s.next()) != null; ) {
                if (!all) {
                    seen = seen == null ? distinctSet(r.length) : seen;
                    if (!seen.add(r)) {
                        continue;
                    }
                }
                added.add(r);
            }
        }
        result.addAll(added);
        long rounds = 0;
        while (!added.isEmpty() && !full(result.size())) {
            if (++rounds > maxDepth) {
                throw new SqlError(ErrorCode.CTE_MAX_RECURSION_DEPTH, "Recursive query aborted after " + rounds
                        + " iterations. Try increasing @@cte_max_recursion_depth to a larger value.");
            }
            ctx.bindWorkTable(workTable, added);
            List<Object[]> next = new ArrayList<>();
            try (RowStream s = recursive.open(ctx)) {
                for (Object[] r; !full(result.size() + next.size()) && (r = s.next()) != null; ) {
                    ctx.checkCancelled();
                    if (!all) {
                        seen = seen == null ? distinctSet(r.length) : seen;
                        if (!seen.add(r)) {
                            continue;
                        }
                    }
                    next.add(r);
                }
            }
            result.addAll(next);
            added = next;
        }
        ctx.bindWorkTable(workTable, null);
        return RowStream.of(result);
    }

    private boolean full(long rows) {
        return maxRows >= 0 && rows >= maxRows;
    }

    private static long maxDepth(ExecContext ctx) {
        Object v = ctx.session().variable("cte_max_recursion_depth");
        if (v == null) {
            return DEFAULT_MAX_DEPTH;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_DEPTH;
        }
    }

    private static TreeSet<Object[]> distinctSet(int width) {
        List<SortOp.Key> keys = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            keys.add(new SortOp.Key(i, false));
        }
        return new TreeSet<>(SortOp.comparator(keys));
    }

    @Override
    public String explain() {
        return (all ? "Recursive union ALL" : "Recursive union DISTINCT") + " " + workTable
                + (maxRows >= 0 ? " (at most " + maxRows + " rows)" : "");
    }

    @Override
    public List<Operator> inputs() {
        return List.of(seed, recursive);
    }
}
