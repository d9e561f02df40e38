package dev.scion.sql.plan.cache;

import dev.scion.sql.plan.PlanParts;
import dev.scion.sql.result.ResultColumn;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * A planned query kept for reuse: the optimized logical plan (parameters still unbound), its result columns, each
 * user table it scans with the schema it was planned against, and the parts of its operators that every execution
 * shares.
 */
public record CachedQuery(RelNode rel, List<ResultColumn> columns, List<TableUse> tables, PlanParts parts) {

    /** A table the plan reads: {@code planned} is the instance in the plan, looked up again by database and name. */
    public record TableUse(Object planned, String database, String table, TableSchema schema) {
    }
}
