package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RowChange;
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
        // a new table dolt_ignore ignores is left out, as status leaves it out; a committed one always shows
        var ignore = dev.scion.versioning.ops.IgnorePatterns.of(db.repo(), db.buffer(), sides.to().root());
        Iterator<TableChanges.Change> changes = TableChanges.between(db, sides.from().root(), sides.to().root())
                .stream().filter(c -> table == null || c.names(table))
                .filter(c -> c.fromName() != null || !ignore.isIgnored(c.toName())).iterator();
        return () -> {
            while (changes.hasNext()) {
                Object[] row = summary(session, changes.next());
                if (row != null) {
                    return row;
                }
            }
            return null;
        };
    }

    /** One table's row; null (and a warning, as Dolt gives) when its primary key changed. */
    private Object[] summary(Session session, TableChanges.Change d) {
        TableValue f = d.fromName() == null ? null : sides.from().table(db, d.fromName()).orElse(null);
        TableValue t = d.toName() == null ? null : sides.to().table(db, d.toName()).orElse(null);
        if (f != null && t != null && !DoltDiffForTable.keysDiffable(f.schema(), t.schema())) {
            session.addWarning(ErrorCode.UNKNOWN_ERROR.code(), "cannot render full diff between commits "
                    + sides.from().label() + " and " + sides.to().label() + " due to primary key set change");
            return null;
        }
        boolean schemaChange = f == null || t == null || !SqlScript.createTable(d.fromName(), f.schema())
                .equals(SqlScript.createTable(d.toName(), t.schema()));
        boolean dataChange = dataChanged(d, f, t);
        return new Object[] {f == null ? "" : d.fromName(), t == null ? "" : d.toName(), d.diffType(),
            dataChange ? 1L : 0L, schemaChange ? 1L : 0L};
    }

    private boolean dataChanged(TableChanges.Change d, TableValue f, TableValue t) {
        Iterator<RowChange> changes = DiffFunction.changes(db, sides, d.fromName(), d.toName());
        TableSchema fs = f == null ? null : f.schema();
        TableSchema ts = t == null ? null : t.schema();
        while (changes.hasNext()) {
            RowChange c = changes.next();
            if (c.kind() != RowChange.Kind.MODIFIED || fs == null || ts == null || c.changesData(fs, ts)) {
                return true;
            }
        }
        return false;
    }

}
