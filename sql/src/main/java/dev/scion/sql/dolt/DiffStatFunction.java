package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RowChange;
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
        Iterator<TableChanges.Change> changes = TableChanges.between(db, sides.from().root(), sides.to().root())
                .stream().filter(c -> table == null || c.names(table)).iterator();
        return () -> {
            while (changes.hasNext()) {
                TableChanges.Change c = changes.next();
                // a renamed table asked for by its old name is shown under that name
                String label = table != null && table.equalsIgnoreCase(c.fromName())
                        && !table.equalsIgnoreCase(c.toName()) ? c.fromName() : c.name();
                Object[] row = stat(session, c, label);
                if (row != null) {
                    return row;
                }
            }
            return null;
        };
    }

    /**
     * The counts for one changed table, or null when no row or cell changed (a new empty table). A primary key
     * change makes rows incomparable: an error when the table was named, else a warning and no row (Dolt's way).
     */
    private Object[] stat(Session session, TableChanges.Change d, String label) {
        TableValue f = d.fromName() == null ? null : sides.from().table(db, d.fromName()).orElse(null);
        TableValue t = d.toName() == null ? null : sides.to().table(db, d.toName()).orElse(null);
        TableSchema fs = f != null ? f.schema() : t.schema();
        TableSchema ts = t != null ? t.schema() : f.schema();
        if (f != null && t != null && !DoltDiffForTable.keysDiffable(fs, ts)) {
            if (table != null) {
                throw new SqlError(ErrorCode.UNKNOWN_ERROR, "failed to compute diff stat for table " + label
                        + ": primary key set changed");
            }
            session.addWarning(ErrorCode.UNKNOWN_ERROR.code(), "failed to compute diff stat for table " + label
                    + ": primary key set changed");
            return null;
        }
        long added = 0;
        long deleted = 0;
        long modified = 0;
        long cellsModified = 0;
        Iterator<RowChange> changes = DiffFunction.changes(db, sides, d.fromName(), d.toName());
        while (changes.hasNext()) {
            RowChange c = changes.next();
            switch (c.kind()) {
                case ADDED -> added++;
                case REMOVED -> deleted++;
                case MODIFIED -> {
                    modified++;
                    cellsModified += c.changedColumns().size();
                }
            }
        }
        boolean keyless = fs.primaryKey().isEmpty() || ts.primaryKey().isEmpty();
        if (keyless) {
            return added + deleted == 0 ? null : new Object[] {label, null, added, deleted, null, null, null, null, null, null, null, null};
        }
        long oldRows = f == null ? 0 : ProllyMap.load(db.buffer(), f.rows()).count();
        long newRows = t == null ? 0 : ProllyMap.load(db.buffer(), t.rows()).count();
        long kept = oldRows - deleted;
        long columnsAdded = f == null ? 0 : ts.columns().stream().filter(c -> fs.columnIndex(c.name()) < 0).count();
        long columnsDropped = t == null ? 0 : fs.columns().stream().filter(c -> ts.columnIndex(c.name()) < 0).count();
        int fromCols = f == null ? 0 : fs.columns().size();
        int toCols = t == null ? 0 : ts.columns().size();
        long cellsAdded = added * ts.columns().size() + columnsAdded * kept;
        long cellsDeleted = deleted * fs.columns().size() + columnsDropped * kept;
        if (added + deleted + modified + cellsAdded + cellsDeleted == 0) {
            return null;
        }
        return new Object[] {
            label, oldRows - deleted - modified, added, deleted, modified,
            cellsAdded, cellsDeleted,
            cellsModified, oldRows, newRows, oldRows * fromCols, newRows * toCols
        };
    }
}
