package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * dolt_diff_&lt;t&gt;: every change to table t along the session's history, newest first: the uncommitted changes
 * (to_commit = 'WORKING'), then each commit against its first parent. Rows carry to_ and from_ versions of every
 * column of t's current schema, the commits and dates, and diff_type (added, modified, removed). Each commit's
 * changes come from a prolly-tree diff, so the cost follows the size of the change, not of the table.
 */
final class DoltDiffForTable extends TableSystemTable {
    static final String PREFIX = "dolt_diff_";

    static final String AT_FUNCTION = "dolt_diff_at";

    /** When the query says {@code to_commit = X}: only that pair is diffed (null: every pair). */
    private final String onlyTo;

    DoltDiffForTable(String table, TableSchema schema) {
        this(table, schema, null);
    }

    DoltDiffForTable(String table, TableSchema schema, String onlyTo) {
        super(PREFIX, table, schema);
        this.onlyTo = onlyTo;
    }

    /**
     * The encoded table function {@code dolt_diff_at(t, to_commit)} that {@link CommitDiffRewriter} puts in place
     * of dolt_diff_&lt;t&gt; when the WHERE fixes to_commit: the same rows, minus the pairs the filter would drop.
     */
    static SystemTable at(DatabaseState db, List<String> args) {
        RootValue root = db.workingRoot();
        String stored = root.resolveName(args.get(0)).orElseThrow(() -> new dev.scion.sql.error.SqlError(
                dev.scion.sql.error.ErrorCode.NO_SUCH_TABLE, "Table '" + PREFIX + args.get(0) + "' doesn't exist"));
        TableSchema schema = db.repo().readTable(db.buffer(), root.tableHash(stored)).schema();
        return new DoltDiffForTable(stored, schema, args.get(1));
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (String side : new String[] {"to", "from"}) {
            for (Column c : schema.columns()) {
                b.add(side + "_" + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
            }
            b.add(side + "_commit", Columns.text(f, 32)).add(side + "_commit_date", Columns.datetime(f));
        }
        b.add("diff_type", Columns.text(f, 16));
        return b.build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Hash head = session.headOf(db);
        CommitLog log = new CommitLog(db.repo(), head);
        Commit headCommit = db.repo().readCommit(head);
        return new RowStream() {
            // the pair being diffed: to (root, commit name, date) against from
            Iterator<RowChange> changes = onlyTo != null && !onlyTo.equalsIgnoreCase("WORKING")
                    ? java.util.Collections.emptyIterator()
                    : differ(db, db.workingRoot(), db.repo().readRoot(db.buffer(), headCommit.root()));
            // with a to_commit filter: walking on after WORKING, or after the matching commit, finds nothing more
            boolean done = onlyTo != null && onlyTo.equalsIgnoreCase("WORKING");
            String toName = "WORKING";
            LocalDateTime toDate = null;
            String fromName = head.toString();
            LocalDateTime fromDate = DoltLogTable.toDateTime(headCommit.committer().timeMillis());
            TableSchema toSchema = schemaIn(db, db.workingRoot());
            TableSchema fromSchema = schemaIn(db, db.repo().readRoot(db.buffer(), headCommit.root()));

            @Override
            public Object[] next() {
                while (changes == null || !changes.hasNext()) {
                    if (!advance()) {
                        return null;
                    }
                }
                return row(changes.next());
            }

            private boolean advance() {
                while (!done && log.hasNext()) {
                    CommitLog.Entry e = log.next();
                    if (onlyTo != null) {
                        if (!e.hash().toString().equalsIgnoreCase(onlyTo)) {
                            continue; // the filter drops this pair: no need to read its roots
                        }
                        done = true;
                    }
                    Commit c = e.commit();
                    if (c.parents().isEmpty()) {
                        continue;
                    }
                    Hash parent = c.parents().get(0);
                    Commit p = db.repo().readCommit(parent);
                    RootValue to = db.repo().readRoot(db.buffer(), c.root());
                    RootValue from = db.repo().readRoot(db.buffer(), p.root());
                    changes = differ(db, to, from);
                    toName = e.hash().toString();
                    toDate = DoltLogTable.toDateTime(c.committer().timeMillis());
                    fromName = parent.toString();
                    fromDate = DoltLogTable.toDateTime(p.committer().timeMillis());
                    toSchema = schemaIn(db, to);
                    fromSchema = schemaIn(db, from);
                    if (changes.hasNext()) {
                        return true;
                    }
                }
                return false;
            }

            private Object[] row(RowChange ch) {
                int n = schema.columns().size();
                Object[] out = new Object[2 * n + 5];
                place(ch.after(), toSchema, out, 0);
                out[n] = toName;
                out[n + 1] = toDate;
                place(ch.before(), fromSchema, out, n + 2);
                out[2 * n + 2] = fromName;
                out[2 * n + 3] = fromDate;
                out[2 * n + 4] = switch (ch.kind()) {
                    case ADDED -> "added";
                    case REMOVED -> "removed";
                    case MODIFIED -> "modified";
                };
                return out;
            }
        };
    }

    /** Copies a row of {@code rowSchema} into the current schema's column order, by column name. */
    private void place(Object[] row, TableSchema rowSchema, Object[] out, int at) {
        if (row == null || rowSchema == null) {
            return;
        }
        List<Column> cols = schema.columns();
        for (int i = 0; i < cols.size(); i++) {
            int k = indexOf(rowSchema, cols.get(i).name());
            if (k >= 0 && k < row.length) {
                out[at + i] = row[k];
            }
        }
    }

    private static int indexOf(TableSchema s, String name) {
        for (int i = 0; i < s.columns().size(); i++) {
            if (s.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private TableSchema schemaIn(DatabaseState db, RootValue root) {
        return root.table(table).map(h -> db.repo().readTable(db.buffer(), h).schema()).orElse(null);
    }

    /** The row changes of t from one root to another; a missing side counts as an empty table. */
    private Iterator<RowChange> differ(DatabaseState db, RootValue to, RootValue from) {
        var toHash = to.table(table);
        var fromHash = from.table(table);
        if (toHash.equals(fromHash) || (toHash.isEmpty() && fromHash.isEmpty())) {
            return java.util.Collections.emptyIterator();
        }
        TableValue t = toHash.map(h -> db.repo().readTable(db.buffer(), h)).orElse(null);
        TableValue f = fromHash.map(h -> db.repo().readTable(db.buffer(), h)).orElse(null);
        Hash empty = ProllyMap.empty(db.buffer()).root();
        if (t == null) {
            t = new TableValue(f.schema(), empty, Map.of(), 0);
        }
        if (f == null) {
            f = new TableValue(t.schema(), empty, Map.of(), 0);
        }
        return new RowDiffer(db.buffer(), f, t);
    }
}
