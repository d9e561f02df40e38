package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
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

    /** Dolt's: the key columns of each side (unique), and each side's commit. */
    @Override
    public List<dev.scion.versioning.schema.IndexDef> indexes() {
        List<dev.scion.versioning.schema.IndexDef> out = new java.util.ArrayList<>();
        if (!schema.primaryKey().isEmpty()) {
            for (String side : new String[] {"to", "from"}) {
                out.add(new dev.scion.versioning.schema.IndexDef(side + "_pks",
                        schema.primaryKey().stream().map(k -> side + "_" + k).toList(), true));
            }
        }
        out.add(new dev.scion.versioning.schema.IndexDef("to_commit", List.of("to_commit"), false));
        out.add(new dev.scion.versioning.schema.IndexDef("from_commit", List.of("from_commit"), false));
        return out;
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Hash head = session.headOf(db);
        CommitLog log = new CommitLog(db.repo(), head);
        Commit headCommit = db.repo().readCommit(head);
        RootValue headRoot = db.repo().readRoot(db.buffer(), headCommit.root());
        return new RowStream() {
            // the pair being diffed: to (commit name, date, columns) against from
            Iterator<RowChange> changes;
            boolean done;
            boolean workingSeen;
            String toName;
            LocalDateTime toDate;
            String fromName;
            LocalDateTime fromDate;
            ShownColumns toColumns;
            ShownColumns fromColumns;

            @Override
            public Object[] next() {
                while (changes == null || !changes.hasNext()) {
                    if (!advance()) {
                        return null;
                    }
                }
                return row(changes.next());
            }

            /** Moves to the next pair that changed t, or ends the walk where Dolt's does. */
            private boolean advance() {
                if (!workingSeen) {
                    workingSeen = true;
                    if (pair(db.workingRoot(), headRoot, "WORKING", null, head.toString(),
                            DoltLogTable.toDateTime(headCommit.committer().timeMillis()))) {
                        return true;
                    }
                    done |= onlyTo != null && onlyTo.equalsIgnoreCase("WORKING");
                }
                while (!done && log.hasNext()) {
                    CommitLog.Entry e = log.next();
                    Commit c = e.commit();
                    if (c.parents().isEmpty()) {
                        continue;
                    }
                    Hash parent = c.parents().get(0);
                    Commit p = db.repo().readCommit(parent);
                    if (pair(db.repo().readRoot(db.buffer(), c.root()), db.repo().readRoot(db.buffer(), p.root()),
                            e.hash().toString(), DoltLogTable.toDateTime(c.committer().timeMillis()),
                            parent.toString(), DoltLogTable.toDateTime(p.committer().timeMillis()))) {
                        return true;
                    }
                }
                return false;
            }

            /**
             * Sets up the diff of one pair, if t changed in it and the filter keeps it. As Dolt's walk does, this
             * one ends where t did not exist at "to" (dropped there, so an older t is another table), and after
             * a pair whose primary key changed (shown, with warning 1105). With a to_commit filter the pairs before the
             * wanted one are still checked (their table addresses only, and schemas where t changed), so the
             * narrowed table gives exactly the rows of the full one.
             */
            private boolean pair(RootValue to, RootValue from, String tName, LocalDateTime tDate, String fName,
                                 LocalDateTime fDate) {
                var toHash = to.table(table);
                var fromHash = from.table(table);
                if (toHash.equals(fromHash)) {
                    return false;
                }
                if (toHash.isEmpty()) {
                    done = true;
                    return false;
                }
                TableSchema toSchema = db.repo().readTable(db.buffer(), toHash.get()).schema();
                TableSchema fromSchema = fromHash.map(h -> db.repo().readTable(db.buffer(), h).schema()).orElse(null);
                boolean wanted = onlyTo == null || onlyTo.equalsIgnoreCase(tName);
                if (onlyTo != null && wanted) {
                    done = true; // the filter keeps no older pair
                }
                if (fromSchema != null && !keysDiffable(fromSchema, toSchema)) {
                    // this pair still shows (every old row removed, every new one added); older ones do not
                    session.addWarning(ErrorCode.UNKNOWN_ERROR.code(), "cannot render full diff between commits "
                            + fName + " and " + tName + " due to primary key set change");
                    done = true;
                }
                if (!wanted) {
                    return false;
                }
                changes = differ(db, to, from);
                toName = tName;
                toDate = tDate;
                fromName = fName;
                fromDate = fDate;
                toColumns = new ShownColumns(schema, toSchema);
                fromColumns = new ShownColumns(schema, fromSchema);
                return changes.hasNext();
            }

            private Object[] row(RowChange ch) {
                int n = schema.columns().size();
                Object[] out = new Object[2 * n + 5];
                toColumns.copy(ch.after(), out, 0, session);
                out[n] = toName;
                out[n + 1] = toDate;
                fromColumns.copy(ch.before(), out, n + 2, session);
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

    /**
     * Whether rows of two versions of a table can be matched by key (Dolt's rule): both keyless, or the same key
     * columns (by tag) of the same types.
     */
    static boolean keysDiffable(TableSchema from, TableSchema to) {
        if (from.primaryKey().isEmpty() && to.primaryKey().isEmpty()) {
            return true;
        }
        int[] f = from.primaryKeyIndexes();
        int[] t = to.primaryKeyIndexes();
        if (f.length != t.length) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            Column a = from.columns().get(f[i]);
            Column b = to.columns().get(t[i]);
            if (a.tag() != b.tag() || !a.type().equals(b.type())) {
                return false;
            }
        }
        return true;
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
