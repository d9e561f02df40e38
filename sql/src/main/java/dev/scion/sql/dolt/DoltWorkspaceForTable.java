package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dml.ForeignKeys;
import dev.scion.sql.dml.TableTarget;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * dolt_workspace_&lt;t&gt;: the uncommitted changes to table t, row by row: first the staged ones (HEAD to STAGED,
 * staged = true), then the unstaged ones (STAGED to WORKING, staged = false), each in key order and numbered by id.
 * Rows carry the to_ columns of t's working schema and the from_ columns of its staged schema. It is how a client
 * stages part of a table: UPDATE ... SET staged = true copies the chosen rows' working versions into the staged
 * root, SET staged = false puts their HEAD versions back there (the working root keeps its changes), and DELETE of
 * an unstaged row undoes that change in the working root, in the session's transaction (foreign-key actions
 * included). Only the staged column can change, and nothing can while t's schema differs between the roots.
 */
final class DoltWorkspaceForTable implements WritableSystemTable {
    static final String PREFIX = "dolt_workspace_";
    private static final int MAX_ATTEMPTS = 32;

    private final String table;
    /** t in the working root: the to_ columns. */
    private final TableSchema working;
    /** t in the staged root (the working schema when STAGED lacks t): the from_ columns. */
    private final TableSchema staged;

    private DoltWorkspaceForTable(String table, TableSchema working, TableSchema staged) {
        this.table = table;
        this.working = working;
        this.staged = staged;
    }

    /** The table for t in this database revision (read-only revisions have nothing staged). */
    static DoltWorkspaceForTable of(DatabaseState db, String table, TableSchema working) {
        Hash stagedHash = db.stagedRootHash();
        RootValue stagedRoot = stagedHash == null ? db.workingRoot() : db.repo().readRoot(db.buffer(), stagedHash);
        TableSchema staged = tableIn(db, stagedRoot, table).map(TableValue::schema).orElse(working);
        return new DoltWorkspaceForTable(table, working, staged);
    }

    @Override
    public String name() {
        return PREFIX + table;
    }

    /** One listed change: its id, whether it is staged, and the rows before and after in their roots' schemas. */
    private record Entry(long id, boolean isStaged, RowChange change) {
        String diffType() {
            return switch (change.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case MODIFIED -> "modified";
            };
        }
    }

    /** The three versions of t a statement compares (absent ones are null). */
    private record Versions(TableValue head, TableValue staged, TableValue working) {
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        b.add("id", f.createSqlType(SqlTypeName.BIGINT));
        b.add("staged", f.createSqlType(SqlTypeName.BOOLEAN));
        b.add("diff_type", f.createSqlType(SqlTypeName.VARCHAR, 1023));
        for (Column c : working.columns()) {
            b.add("to_" + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
        for (Column c : staged.columns()) {
            b.add("from_" + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
        return b.build();
    }

    @Override
    public java.util.Optional<TableSchema> declaredSchema() {
        DeclaredSchema d = new DeclaredSchema().key("id", DeclaredSchema.unsignedBigint())
                .column("staged", DeclaredSchema.bool(), false)
                .column("diff_type", DeclaredSchema.varchar(1023), false);
        working.columns().forEach(c -> d.column("to_" + c.name(), c.type(), true));
        staged.columns().forEach(c -> d.column("from_" + c.name(), c.type(), true));
        return java.util.Optional.of(d.build());
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Versions v = versions(session, db);
        Iterator<Entry> it = entries(db, v).iterator();
        int n = working.columns().size();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            Entry e = it.next();
            Object[] out = new Object[3 + n + staged.columns().size()];
            out[0] = e.id();
            out[1] = e.isStaged();
            out[2] = e.diffType();
            // after is in STAGED's schema for a staged change, WORKING's otherwise; before in HEAD's or STAGED's
            TableValue afterIn = e.isStaged() ? v.staged() : v.working();
            TableValue beforeIn = e.isStaged() ? v.head() : v.staged();
            place(e.change().after(), afterIn, working, out, 3);
            place(e.change().before(), beforeIn, staged, out, 3 + n);
            return out;
        };
    }

    private Versions versions(Session session, DatabaseState db) {
        return new Versions(tableIn(db, VersionedRoots.head(session, db), table).orElse(null),
                tableIn(db, VersionedRoots.staged(session, db), table).orElse(null),
                tableIn(db, db.workingRoot(), table).orElse(null));
    }

    private static Optional<TableValue> tableIn(DatabaseState db, RootValue root, String table) {
        return root.table(table).map(h -> db.repo().readTable(db.buffer(), h));
    }

    private static List<Entry> entries(DatabaseState db, Versions v) {
        List<Entry> out = new ArrayList<>();
        long id = 0;
        for (Iterator<RowChange> it = changes(db, v.head(), v.staged()); it.hasNext(); ) {
            out.add(new Entry(id++, true, it.next()));
        }
        for (Iterator<RowChange> it = changes(db, v.staged(), v.working()); it.hasNext(); ) {
            out.add(new Entry(id++, false, it.next()));
        }
        return out;
    }

    /** The row changes from one version of t to another; a missing side counts as an empty table. */
    private static Iterator<RowChange> changes(DatabaseState db, TableValue from, TableValue to) {
        if (from == null && to == null || from != null && to != null && from.rows().equals(to.rows())) {
            return Collections.emptyIterator();
        }
        var empty = ProllyMap.empty(db.buffer()).root();
        TableValue f = from != null ? from : new TableValue(to.schema(), empty, Map.of(), 0);
        TableValue t = to != null ? to : new TableValue(from.schema(), empty, Map.of(), 0);
        return new RowDiffer(db.buffer(), f, t);
    }

    /** Copies a row of {@code rowTable}'s schema into the columns of {@code target}, by column name. */
    private static void place(Object[] row, TableValue rowTable, TableSchema target, Object[] out, int at) {
        if (row == null || rowTable == null) {
            return;
        }
        List<Column> from = rowTable.schema().columns();
        List<Column> cols = target.columns();
        for (int i = 0; i < cols.size(); i++) {
            for (int k = 0; k < from.size() && k < row.length; k++) {
                if (from.get(k).name().equalsIgnoreCase(cols.get(i).name())) {
                    out[at + i] = row[k];
                    break;
                }
            }
        }
    }

    /** SET staged = true / false: copies the chosen rows into STAGED, or their HEAD versions back into it. */
    @Override
    public long update(Session session, DatabaseState db, List<Object[]> before, List<Object[]> after) {
        for (int i = 0; i < before.size(); i++) {
            for (int k = 0; k < before.get(i).length; k++) {
                if (k != 1 && !Objects.deepEquals(before.get(i)[k], after.get(i)[k])) {
                    throw new SqlError(ErrorCode.UNKNOWN_ERROR, "only update of column 'staged' is allowed");
                }
            }
        }
        Versions v = versions(session, db);
        requireSameSchemas(v);
        Map<Long, Entry> byId = byId(db, v);
        List<Entry> toStage = new ArrayList<>();
        List<Entry> toUnstage = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Entry e = byId.get(((Number) before.get(i)[0]).longValue());
            boolean want = truth(after.get(i)[1]);
            if (e == null || e.isStaged() == want) {
                continue;
            }
            (want ? toStage : toUnstage).add(e);
        }
        if (toStage.isEmpty() && toUnstage.isEmpty()) {
            return 0;
        }
        // the writes go to the branch's working set, outside the SQL transaction, as dolt_add's do
        session.commit();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            WorkingSet ws = db.repo().workingSet(db.branch());
            ChunkBuffer buf = db.repo().newBuffer();
            RootValue stagedRoot = db.repo().readRoot(buf, ws.staged());
            TableValue base = stagedRoot.table(table).map(h -> db.repo().readTable(buf, h))
                    .orElseGet(() -> new TableValue(working, ProllyMap.empty(buf).root(), Map.of(),
                            v.working() == null ? 0 : v.working().autoIncrement()));
            TableEditor editor = new TableEditor(table, base, buf);
            // removals first, so a staged delete frees a unique value that a staged insert takes
            toUnstage.sort(Comparator.comparingInt(e -> order(e.change().kind())));
            toStage.sort(Comparator.comparingInt(e -> order(e.change().kind())));
            for (Entry e : toUnstage) {
                undo(editor, e.change()); // STAGED goes back to HEAD's version of the row
            }
            for (Entry e : toStage) {
                redo(editor, e.change()); // STAGED takes WORKING's version of the row
            }
            RootValue next = stagedRoot.withTable(table, editor.finish().write(buf));
            try {
                db.repo().updateWorkingSet(db.branch(), ws, ws.withStaged(next.write(buf)), buf);
                return toStage.size() + toUnstage.size();
            } catch (VersioningException e) {
                if (e.reason() != VersioningException.Reason.CONCURRENT_UPDATE) {
                    throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
                }
            }
        }
        throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                + "transaction (branch '" + db.branch() + "' is too busy)");
    }

    /** DELETE of unstaged rows: WORKING takes STAGED's version back, in the session's transaction. */
    @Override
    public long delete(Session session, DatabaseState db, List<Object[]> selected) {
        if (selected.isEmpty()) {
            return 0;
        }
        Versions v = versions(session, db);
        requireSameSchemas(v);
        Map<Long, Entry> byId = byId(db, v);
        List<Entry> chosen = new ArrayList<>();
        for (Object[] r : selected) {
            Entry e = byId.get(((Number) r[0]).longValue());
            if (e == null) {
                continue;
            }
            if (e.isStaged()) {
                throw new SqlError(ErrorCode.UNKNOWN_ERROR, "cannot delete staged rows from workspace");
            }
            chosen.add(e);
        }
        if (chosen.isEmpty() || v.working() == null) {
            return 0;
        }
        TableTarget target = TableTarget.resolve(session, new SqlIdentifier(List.of(db.name(), table),
                SqlParserPos.ZERO));
        TableEditor editor = target.editor();
        List<ForeignKeys.Child> children = ForeignKeys.enabled(session)
                ? ForeignKeys.childrenOf(target.database(), target.name()) : List.of();
        chosen.sort(Comparator.comparingInt(e -> order(e.change().kind())));
        for (Entry e : chosen) {
            RowChange c = e.change();
            if (c.after() != null) {
                // the working row goes away (or is replaced): the children's ON DELETE rules apply
                ForeignKeys.beforeDelete(session, target.database(), target.name(), target.value().schema(),
                        children, c.after(), 0);
            }
            undo(editor, c);
        }
        target.apply(editor);
        return chosen.size();
    }

    private Map<Long, Entry> byId(DatabaseState db, Versions v) {
        Map<Long, Entry> byId = new HashMap<>();
        for (Entry e : entries(db, v)) {
            byId.put(e.id(), e);
        }
        return byId;
    }

    /** Writes are refused while t's columns differ between HEAD, STAGED and WORKING: rows would not line up. */
    private void requireSameSchemas(Versions v) {
        if (differ(v.head(), v.staged()) || differ(v.staged(), v.working())) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, name() + " table is not modifiable due to schema change");
        }
    }

    private static boolean differ(TableValue a, TableValue b) {
        if (a == null || b == null) {
            return false;
        }
        List<Column> x = a.schema().columns();
        List<Column> y = b.schema().columns();
        if (x.size() != y.size() || !a.schema().primaryKey().equals(b.schema().primaryKey())) {
            return true;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).name().equalsIgnoreCase(y.get(i).name()) || !x.get(i).type().equals(y.get(i).type())) {
                return true;
            }
        }
        return false;
    }

    private static int order(RowChange.Kind kind) {
        return switch (kind) {
            case REMOVED -> 0;
            case MODIFIED -> 1;
            case ADDED -> 2;
        };
    }

    /** Makes the edited table hold the change's "after" side where it held its "before" side. */
    private static void redo(TableEditor editor, RowChange c) {
        switch (c.kind()) {
            case ADDED -> editor.insert(c.after());
            case REMOVED -> editor.delete(c.before());
            case MODIFIED -> editor.update(c.before(), c.after());
        }
    }

    /** Makes the edited table hold the change's "before" side where it holds its "after" side. */
    private static void undo(TableEditor editor, RowChange c) {
        switch (c.kind()) {
            case ADDED -> editor.delete(c.after());
            case REMOVED -> editor.insert(c.before());
            case MODIFIED -> editor.update(c.after(), c.before());
        }
    }

    /** SET staged = TRUE / 1 / '1' / 0 ...: MySQL's truth of the assigned value. */
    private static boolean truth(Object v) {
        if (v == null) {
            throw new SqlError(ErrorCode.BAD_NULL, "Column 'staged' cannot be null");
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).signum() != 0;
        }
        String s = v.toString().strip();
        try {
            return new BigDecimal(s).signum() != 0;
        } catch (NumberFormatException e) {
            return s.equalsIgnoreCase("true");
        }
    }
}
