package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/** Inside the recursive part of a recursive CTE: the rows the enclosing {@link RecursiveUnionOp}'s last round added. */
public final class WorkTableScanOp implements Operator {
    private final String workTable;

    public WorkTableScanOp(String workTable) {
        this.workTable = workTable;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        return RowStream.of(ctx.workTable(workTable));
    }

    @Override
    public String explain() {
        return "Work table " + workTable;
    }
}
