package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayDeque;
import java.util.Deque;

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
        Deque<Object[]> ready = new ArrayDeque<>();
        Commit head = db.repo().readCommit(session.headOf(db));
        for (TableDelta d : differ.diff(db.repo().readRoot(db.buffer(), head.root()), db.workingRoot())) {
            ready.add(row("WORKING", d, null));
        }
        CommitLog log = new CommitLog(db.repo(), session.headOf(db));
        return () -> {
            while (ready.isEmpty()) {
                if (!log.hasNext()) {
                    return null;
                }
                CommitLog.Entry e = log.next();
                Commit c = e.commit();
                if (c.parents().isEmpty()) {
                    continue;
                }
                RootValue from = db.repo().readRoot(db.buffer(), db.repo().readCommit(c.parents().get(0)).root());
                RootValue to = db.repo().readRoot(db.buffer(), c.root());
                for (TableDelta d : differ.diff(from, to)) {
                    ready.add(row(e.hash().toString(), d, c));
                }
            }
            return ready.poll();
        };
    }

    private static Object[] row(String hash, TableDelta d, Commit c) {
        return new Object[] {hash, d.name(), c == null ? null : c.committer().name(),
            c == null ? null : c.committer().email(), c == null ? null : DoltLogTable.toDateTime(c.committer().timeMillis()),
            c == null ? null : c.message(), d.dataChanged() || d.kind() != TableDelta.Kind.MODIFIED ? 1L : 0L,
            d.schemaChanged() || d.kind() != TableDelta.Kind.MODIFIED ? 1L : 0L};
    }
}
