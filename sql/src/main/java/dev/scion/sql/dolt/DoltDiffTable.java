package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Deque;

/**
 * dolt_diff: which tables each commit of the session's history changed (against its first parent), newest first,
 * with the uncommitted changes on top as STAGED (HEAD to the staged root) and WORKING (staged to working). A
 * renamed table (paired by TableChanges) is one row under its new name; data_change says whether the rows
 * differ, so a new empty table is a schema change only. The author columns close the row, as in Dolt.
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
                .add("data_change", Columns.flag(f)).add("schema_change", Columns.flag(f))
                .add("author", Columns.text(f, 1024)).add("author_email", Columns.text(f, 1024))
                .add("author_date", Columns.datetime(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        RootValue staged = VersionedRoots.staged(session, db);
        return HistoryChanges.scan(session, db, (from, to, hash, commit, out) -> {
            if (commit == null) {
                // the uncommitted changes come as Dolt shows them: HEAD to STAGED, then STAGED to WORKING
                changes(db, from, staged, "STAGED", null, out);
                changes(db, staged, to, "WORKING", null, out);
            } else {
                changes(db, from, to, hash, commit, out);
            }
        });
    }

    private static void changes(DatabaseState db, RootValue from, RootValue to, String hash, Commit c,
                                Deque<Object[]> out) {
        for (TableChanges.Change d : TableChanges.between(db, from, to)) {
            TableValue f = d.fromName() == null ? null : db.repo().readTable(db.buffer(), from.table(d.fromName())
                    .orElseThrow());
            TableValue t = d.toName() == null ? null : db.repo().readTable(db.buffer(), to.table(d.toName())
                    .orElseThrow());
            out.add(new Object[] {hash, d.name(), c == null ? null : c.committer().name(),
                c == null ? null : c.committer().email(),
                c == null ? null : DoltLogTable.toDateTime(c.committer().timeMillis()),
                c == null ? null : c.message(), dataChanged(db, f, t) ? 1L : 0L,
                f == null || t == null || d.renamed() || !f.schema().equals(t.schema()) ? 1L : 0L,
                c == null ? null : c.author().name(), c == null ? null : c.author().email(),
                c == null ? null : DoltLogTable.toDateTime(c.author().timeMillis())});
        }
        if (DatabaseCollationEntry.changed(from, to)) {
            // Dolt's row for a changed database collation: a schema change of the database's pseudo-table
            out.add(new Object[] {hash, DatabaseCollationEntry.name(db), c == null ? null : c.committer().name(),
                c == null ? null : c.committer().email(),
                c == null ? null : DoltLogTable.toDateTime(c.committer().timeMillis()),
                c == null ? null : c.message(), 0L, 1L,
                c == null ? null : c.author().name(), c == null ? null : c.author().email(),
                c == null ? null : DoltLogTable.toDateTime(c.author().timeMillis())});
        }
    }

    /** Rows differ: an added or dropped table counts only when it holds rows, as in Dolt. */
    private static boolean dataChanged(DatabaseState db, TableValue f, TableValue t) {
        Hash empty = ProllyMap.empty(db.buffer()).root();
        Hash fromRows = f == null ? empty : f.rows();
        Hash toRows = t == null ? empty : t.rows();
        return !fromRows.equals(toRows);
    }
}
