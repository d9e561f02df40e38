package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/** dolt_conflicts: each table with unresolved row conflicts in the merge in progress, and how many. */
final class DoltConflictsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_conflicts";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("table", Columns.text(f, 1024)).add("num_conflicts", Columns.bigint(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        List<Object[]> rows = new ArrayList<>();
        if (ms != null) {
            for (TableConflicts t : ms.tables()) {
                if (t.hasRowConflicts() || t.schemaConflict() != null) { // Dolt lists a schema conflict with 0 rows
                    rows.add(new Object[] {t.table(), t.rowConflictCount()});
                }
            }
        }
        return RowStream.of(rows);
    }
}
