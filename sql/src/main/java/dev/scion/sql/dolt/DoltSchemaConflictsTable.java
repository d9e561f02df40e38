package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.ddl.CreateTableText;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * dolt_schema_conflicts: tables whose schemas did not merge, with the three schemas (as CREATE TABLE statements) and what disagreed. Resolved with dolt_conflicts_resolve.
 */
final class DoltSchemaConflictsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_schema_conflicts";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("table_name", Columns.text(f, 1024)).add("base_schema", Columns.text(f, 65535))
                .add("our_schema", Columns.text(f, 65535)).add("their_schema", Columns.text(f, 65535))
                .add("description", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        List<Object[]> rows = new ArrayList<>();
        if (ms != null) {
            for (TableConflicts t : ms.tables()) {
                if (t.schemaConflict() != null) {
                    rows.add(new Object[] {t.table(), schema(db, t.table(), t.base()),
                        schema(db, t.table(), t.ours()), schema(db, t.table(), t.theirs()),
                        t.schemaConflict()});
                }
            }
        }
        return RowStream.of(rows);
    }

    private static String schema(DatabaseState db, String name, Hash table) {
        // Dolt shows each side as its SHOW CREATE TABLE text (table options included) ending in ';'
        return table == null ? null
                : CreateTableText.of(name, db.repo().readTable(db.buffer(), table).schema(), 0) + ";";
    }
}
