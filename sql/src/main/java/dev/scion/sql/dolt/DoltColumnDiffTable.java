package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dolt_column_diff: which columns each commit of the session's history changed (against its first parent), newest
 * first, with WORKING for uncommitted changes. A column of a new table is "added", of a dropped table "removed";
 * in a changed table a column is "added" or "removed" by the schema change, and "modified" when a row added,
 * removed or changed holds a value of it. Columns are matched by tag, so a renamed column is the same column; a
 * table renamed without other changes (same content under a new name) is not listed.
 */
final class DoltColumnDiffTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_column_diff";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("commit_hash", Columns.text(f, 32)).add("table_name", Columns.text(f, 1024))
                .add("column_name", Columns.text(f, 1024))
                .add("committer", Columns.text(f, 1024)).add("email", Columns.text(f, 1024))
                .add("date", Columns.datetime(f)).add("message", Columns.text(f, 65535))
                .add("diff_type", Columns.text(f, 16)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        return HistoryChanges.scan(session, db, (from, to, hash, commit, out) -> add(out, db, from, to, hash, commit));
    }

    /** Queues the rows of one pair of roots. */
    private static void add(Deque<Object[]> out, DatabaseState db, RootValue from, RootValue to, String hash,
                            Commit c) {
        List<TableDelta> deltas = new RootDiffer(db.repo(), db.buffer()).diff(from, to);
        // a table renamed and left alone is one dropped and one added delta of the same table value
        Set<Hash> dropped = new HashSet<>();
        Set<Hash> added = new HashSet<>();
        for (TableDelta d : deltas) {
            if (d.kind() == TableDelta.Kind.DROPPED) {
                dropped.add(d.from());
            } else if (d.kind() == TableDelta.Kind.ADDED) {
                added.add(d.to());
            }
        }
        for (TableDelta d : deltas) {
            switch (d.kind()) {
                case ADDED -> {
                    if (!dropped.contains(d.to())) {
                        for (Column col : db.repo().readTable(db.buffer(), d.to()).schema().columns()) {
                            out.add(row(hash, d.name(), col.name(), c, "added"));
                        }
                    }
                }
                case DROPPED -> {
                    if (!added.contains(d.from())) {
                        for (Column col : db.repo().readTable(db.buffer(), d.from()).schema().columns()) {
                            out.add(row(hash, d.name(), col.name(), c, "removed"));
                        }
                    }
                }
                case MODIFIED -> modified(out, db, d, hash, c);
            }
        }
    }

    private static void modified(Deque<Object[]> out, DatabaseState db, TableDelta d, String hash, Commit c) {
        TableValue f = db.repo().readTable(db.buffer(), d.from());
        TableValue t = db.repo().readTable(db.buffer(), d.to());
        List<Column> toCols = t.schema().columns();
        Set<Long> fromTags = new HashSet<>();
        f.schema().columns().forEach(col -> fromTags.add(col.tag()));
        Set<String> touched = new HashSet<>(); // lower-case names of "to" columns some row change holds
        long common = toCols.stream().filter(col -> fromTags.contains(col.tag())).count();
        if (d.dataChanged()) {
            RowDiffer rows = new RowDiffer(db.buffer(), f, t);
            while (rows.hasNext() && touched.size() < common) {
                RowChange ch = rows.next();
                if (ch.kind() == RowChange.Kind.MODIFIED) {
                    ch.changedColumns().forEach(n -> touched.add(n.toLowerCase(java.util.Locale.ROOT)));
                } else {
                    toCols.stream().filter(col -> fromTags.contains(col.tag()))
                            .forEach(col -> touched.add(col.name().toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        Set<Long> toTags = new HashSet<>();
        for (Column col : toCols) {
            toTags.add(col.tag());
            if (!fromTags.contains(col.tag())) {
                out.add(row(hash, d.name(), col.name(), c, "added"));
            } else if (touched.contains(col.name().toLowerCase(java.util.Locale.ROOT))) {
                out.add(row(hash, d.name(), col.name(), c, "modified"));
            }
        }
        for (Column col : f.schema().columns()) {
            if (!toTags.contains(col.tag())) {
                out.add(row(hash, d.name(), col.name(), c, "removed"));
            }
        }
    }

    private static Object[] row(String hash, String table, String column, Commit c, String diffType) {
        return new Object[] {hash, table, column, c == null ? null : c.committer().name(),
            c == null ? null : c.committer().email(),
            c == null ? null : DoltLogTable.toDateTime(c.committer().timeMillis()), c == null ? null : c.message(),
            diffType};
    }
}
