package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

import java.util.List;

/** Constant rows. */
public final class ValuesOp implements Operator {
    private final List<Object[]> rows;

    public ValuesOp(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        return RowStream.of(rows.stream().map(Object[]::clone).toList());
    }

    @Override
    public String explain() {
        return "Values " + rows.size() + " rows";
    }
}
