package dev.scion.sql.exec;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dolt.SystemTable;
import dev.scion.sql.result.RowStream;

/** Reads a system table. */
public final class SystemScanOp implements Operator {
    private final DatabaseState database;
    private final SystemTable table;

    public SystemScanOp(DatabaseState database, SystemTable table) {
        this.database = database;
        this.table = table;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        return table.scan(ctx.session(), database);
    }

    @Override
    public String explain() {
        return "SystemScan " + table.name();
    }
}
