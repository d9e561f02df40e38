package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import dev.scion.versioning.schema.TableSchema;

import java.util.Optional;

/** A read-only table computed from version-control state rather than stored rows. */
public interface SystemTable {
    String name();

    RelDataType rowType(RelDataTypeFactory f);

    /** Streams the rows; values must match the row type (Long, String, java.time.LocalDateTime, ...). */
    RowStream scan(Session session, DatabaseState database);

    /**
     * The table as Dolt declares it (MySQL column types, primary key) for DESCRIBE and SHOW COLUMNS; empty when the
     * columns the planner sees describe it well enough.
     */
    default Optional<TableSchema> declaredSchema() {
        return Optional.empty();
    }

    /**
     * The indexes Dolt declares on the table, which SHOW INDEX lists (a filter on their columns narrows the scan
     * where the table says so, e.g. dolt_diff_&lt;t&gt;'s to_commit, not through an index structure).
     */
    default java.util.List<dev.scion.versioning.schema.IndexDef> indexes() {
        return java.util.List.of();
    }
}
