package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlScript;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Iterator;
import java.util.List;

/**
 * dolt_diff_summary(from, to [, table]): one row per changed table: its name on each side ('' where absent),
 * added / dropped / modified, and whether its data and its schema changed. A schema change is judged by the
 * table's definition (names, types, keys), so a column dropped and re-added alike is no change; a column added
 * with only NULLs is no data change.
 */
final class DiffSummaryFunction implements SystemTable {
    private final DatabaseState db;
    private final DiffSides sides;
    private final String table;

    private DiffSummaryFunction(DatabaseState db, DiffSides sides, String table) {
        this.db = db;
        this.sides = sides;
        this.table = table;
    }

    static DiffSummaryFunction create(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_diff_summary", session, db, args, 0, 1);
        String table = p.rest().isEmpty() ? null
                : p.sides().to().root().resolveName(p.rest().get(0))
                        .or(() -> p.sides().from().root().resolveName(p.rest().get(0))).orElse(p.rest().get(0));
        return new DiffSummaryFunction(db, p.sides(), table);
    }

    @Override
    public String name() {
        return "dolt_diff_summary";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("from_table_name", Columns.text(f, 1024)).add("to_table_name", Columns.text(f, 1024))
                .add("diff_type", Columns.text(f, 16)).add("data_change", Columns.flag(f))
                .add("schema_change", Columns.flag(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        Iterator<TableDelta> deltas = new RootDiffer(db.repo(), db.buffer())
                .diff(sides.from().root(), sides.to().root()).stream()
                .filter(d -> table == null || d.name().equalsIgnoreCase(table)).iterator();
        return () -> deltas.hasNext() ? summary(deltas.next()) : null;
    }

    private Object[] summary(TableDelta d) {
        TableValue f = sides.from().table(db, d.name()).orElse(null);
        TableValue t = sides.to().table(db, d.name()).orElse(null);
        boolean schemaChange = f == null || t == null
                || !SqlScript.createTable(d.name(), f.schema()).equals(SqlScript.createTable(d.name(), t.schema()));
        boolean dataChange = dataChanged(d.name(), f, t);
        String type = switch (d.kind()) {
            case ADDED -> "added";
            case DROPPED -> "dropped";
            case MODIFIED -> "modified";
        };
        return new Object[] {f == null ? "" : d.name(), t == null ? "" : d.name(), type, dataChange ? 1L : 0L,
            schemaChange ? 1L : 0L};
    }

    private boolean dataChanged(String name, TableValue f, TableValue t) {
        Iterator<RowChange> changes = DiffFunction.changes(db, sides, name);
        TableSchema fs = f == null ? null : f.schema();
        TableSchema ts = t == null ? null : t.schema();
        while (changes.hasNext()) {
            RowChange c = changes.next();
            if (c.kind() != RowChange.Kind.MODIFIED || fs == null || ts == null || changesData(c, fs, ts)) {
                return true;
            }
        }
        return false;
    }

    /** A modified row counts unless all it gained is NULL cells of new columns. */
    private static boolean changesData(RowChange c, TableSchema fs, TableSchema ts) {
        for (String col : c.changedColumns()) {
            int ti = ts.columnIndex(col);
            if (fs.columnIndex(col) >= 0 || (ti >= 0 && c.after()[ti] != null)) {
                return true;
            }
        }
        for (int i = 0; i < fs.columns().size(); i++) {
            if (ts.columnIndex(fs.columns().get(i).name()) < 0 && c.before()[i] != null) {
                return true;
            }
        }
        return false;
    }
}
