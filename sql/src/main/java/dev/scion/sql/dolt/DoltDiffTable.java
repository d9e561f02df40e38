package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.Commit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * dolt_diff: which tables each commit of the session's history changed (against its first parent), newest first,
 * with WORKING for uncommitted changes.
 */
final class DoltDiffTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_diff";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("commit_hash", Columns.text(f, 32)).add("table_name", Columns.text(f, 1024))
                .add("committer", Columns.text(f, 1024)).add("email", Columns.text(f, 1024))
                .add("date", Columns.datetime(f)).add("message", Columns.text(f, 65535))
                .add("data_change", Columns.flag(f)).add("schema_change", Columns.flag(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        RootDiffer differ = new RootDiffer(db.repo(), db.buffer());
        return HistoryChanges.scan(session, db, (from, to, hash, commit, out) -> {
            for (TableDelta d : differ.diff(from, to)) {
                out.add(row(hash, d, commit));
            }
        });
    }

    private static Object[] row(String hash, TableDelta d, Commit c) {
        return new Object[] {hash, d.name(), c == null ? null : c.committer().name(),
            c == null ? null : c.committer().email(), c == null ? null : DoltLogTable.toDateTime(c.committer().timeMillis()),
            c == null ? null : c.message(), d.dataChanged() || d.kind() != TableDelta.Kind.MODIFIED ? 1L : 0L,
            d.schemaChanged() || d.kind() != TableDelta.Kind.MODIFIED ? 1L : 0L};
    }
}
