package dev.scion.sql.dolt;

import dev.scion.versioning.schema.TableSchema;

/**
 * A system table that belongs to one user table and is named after it (dolt_diff_&lt;t&gt;, dolt_history_&lt;t&gt;,
 * ...): its columns derive from that table's schema as the session sees it.
 */
abstract class TableSystemTable implements SystemTable {
    private final String prefix;
    protected final String table;
    protected final TableSchema schema;

    TableSystemTable(String prefix, String table, TableSchema schema) {
        this.prefix = prefix;
        this.table = table;
        this.schema = schema;
    }

    @Override
    public final String name() {
        return prefix + table;
    }
}
