package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Iterator;
import java.util.List;

/**
 * dolt_diff_stat(from, to [, table]): per changed table, how many rows and cells were added, deleted and
 * modified, and the row and cell counts on each side. Columns are matched by name; a column only one side has
 * adds or deletes a cell for every row both sides keep. Keyless tables report only rows added and deleted.
 */
final class DiffStatFunction implements SystemTable {
    private final DatabaseState db;
    private final DiffSides sides;
    private final String table;

    private DiffStatFunction(DatabaseState db, DiffSides sides, String table) {
        this.db = db;
        this.sides = sides;
        this.table = table;
    }

    static DiffStatFunction create(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_diff_stat", session, db, args, 0, 1);
        String table = p.rest().isEmpty() ? null : p.sides().requireTable(p.rest().get(0));
        return new DiffStatFunction(db, p.sides(), table);
    }

    @Override
    public String name() {
        return "dolt_diff_stat";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder().add("table_name", Columns.text(f, 1024));
        for (String c : List.of("rows_unmodified", "rows_added", "rows_deleted", "rows_modified", "cells_added",
                "cells_deleted", "cells_modified", "old_row_count", "new_row_count", "old_cell_count",
                "new_cell_count")) {
            b.add(c, Columns.bigint(f));
        }
        return b.build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        Iterator<TableDelta> deltas = new RootDiffer(db.repo(), db.buffer())
                .diff(sides.from().root(), sides.to().root()).stream()
                .filter(d -> table == null || d.name().equalsIgnoreCase(table)).iterator();
        return () -> deltas.hasNext() ? stat(deltas.next()) : null;
    }

    private Object[] stat(TableDelta d) {
        TableValue f = sides.from().table(db, d.name()).orElse(null);
        TableValue t = sides.to().table(db, d.name()).orElse(null);
        TableSchema fs = f != null ? f.schema() : t.schema();
        TableSchema ts = t != null ? t.schema() : f.schema();
        long added = 0;
        long deleted = 0;
        long modified = 0;
        long cellsModified = 0;
        Iterator<RowChange> changes = DiffFunction.changes(db, sides, d.name());
        while (changes.hasNext()) {
            RowChange c = changes.next();
            switch (c.kind()) {
                case ADDED -> added++;
                case REMOVED -> deleted++;
                case MODIFIED -> {
                    modified++;
                    cellsModified += c.changedColumns().stream().filter(n -> fs.columnIndex(n) >= 0).count();
                }
            }
        }
        boolean keyless = fs.primaryKey().isEmpty() || ts.primaryKey().isEmpty();
        if (keyless) {
            return new Object[] {d.name(), null, added, deleted, null, null, null, null, null, null, null, null};
        }
        long oldRows = f == null ? 0 : ProllyMap.load(db.buffer(), f.rows()).count();
        long newRows = t == null ? 0 : ProllyMap.load(db.buffer(), t.rows()).count();
        long kept = oldRows - deleted;
        long columnsAdded = f == null ? 0 : ts.columns().stream().filter(c -> fs.columnIndex(c.name()) < 0).count();
        long columnsDropped = t == null ? 0 : fs.columns().stream().filter(c -> ts.columnIndex(c.name()) < 0).count();
        int fromCols = f == null ? 0 : fs.columns().size();
        int toCols = t == null ? 0 : ts.columns().size();
        return new Object[] {
            d.name(), oldRows - deleted - modified, added, deleted, modified,
            added * ts.columns().size() + columnsAdded * kept,
            deleted * fs.columns().size() + columnsDropped * kept,
            cellsModified, oldRows, newRows, oldRows * fromCols, newRows * toCols
        };
    }
}
