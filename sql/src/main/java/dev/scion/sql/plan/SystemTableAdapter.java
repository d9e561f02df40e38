package dev.scion.sql.plan;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dolt.SystemTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** Presents a system table (dolt_log, dolt_branches, ...) to the planner. */
public final class SystemTableAdapter extends AbstractTable {
    private final DatabaseState database;
    private final SystemTable table;

    public SystemTableAdapter(DatabaseState database, SystemTable table) {
        this.database = database;
        this.table = table;
    }

    public DatabaseState database() {
        return database;
    }

    public SystemTable table() {
        return table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        return table.rowType(f);
    }
}
