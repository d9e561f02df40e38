package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dml.TableTarget;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dolt_conflicts_&lt;t&gt;: the row conflicts of table t in the merge in progress, one row per conflicting key with
 * base_, our_ and their_ versions of every column. The our_ columns show t's current row, so edits to t (or an
 * UPDATE of the our_ columns here, which writes t) show up at once. DELETE marks conflicts resolved and leaves t
 * as it is ("take ours"); taking theirs is REPLACE INTO t SELECT their_... first.
 */
final class DoltConflictsForTable extends TableSystemTable implements WritableSystemTable {
    static final String PREFIX = "dolt_conflicts_";
    private static final int MAX_ATTEMPTS = 32;

    /**
     * The base_ columns: the merged schema's, or the base table's when it had columns the merge dropped (Dolt shows
     * each side in its own schema; base_col3 of a column both sides dropped still holds the base value).
     */
    private final TableSchema baseSchema;
    /** The base table when {@link #baseSchema} is its own, to read base rows from; else null. */
    private final Hash baseTable;

    DoltConflictsForTable(String table, TableSchema schema) {
        this(table, schema, schema, null);
    }

    private DoltConflictsForTable(String table, TableSchema schema, TableSchema baseSchema, Hash baseTable) {
        super(PREFIX, table, schema);
        this.baseSchema = baseSchema;
        this.baseTable = baseTable;
    }

    /** dolt_conflicts_&lt;t&gt; for the merge in progress on {@code db}'s branch, if any. */
    static DoltConflictsForTable of(DatabaseState db, String table, TableSchema schema) {
        MergeState ms = VersionedRoots.mergeState(db);
        TableConflicts tc = ms == null ? null : ms.table(table).orElse(null);
        if (tc == null || tc.base() == null || !tc.hasRowConflicts() || schema.isKeyless()) {
            return new DoltConflictsForTable(table, schema);
        }
        TableSchema base = db.repo().readTable(db.buffer(), tc.base()).schema();
        boolean dropped = base.columns().stream().anyMatch(c -> schema.columnIndex(c.name()) < 0);
        return dropped && DoltDiffForTable.keysDiffable(base, schema)
                ? new DoltConflictsForTable(table, schema, base, tc.base()) : new DoltConflictsForTable(table, schema);
    }

    private int width() {
        return schema.columns().size();
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        ConflictRows.columns(b, f, baseSchema, schema);
        return b.build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        if (ms == null || ms.table(table).isEmpty() || !ms.table(table).get().hasRowConflicts()) {
            return RowStream.of(List.of());
        }
        List<ConflictsOp.RowConflict> conflicts = ConflictsOp.rows(new BranchContext(db.repo(), db.branch()), table);
        Optional<Hash> current = db.workingRoot().table(table);
        TableValue tv = current.map(h -> db.repo().readTable(db.buffer(), h)).orElse(null);
        ProllyMap rows = tv == null ? null : ProllyMap.load(db.buffer(), tv.rows());
        RowCodec codec = tv == null ? null : new RowCodec(tv.schema());
        TableValue baseValue = baseTable == null ? null : db.repo().readTable(db.buffer(), baseTable);
        ProllyMap baseRows = baseValue == null ? null : ProllyMap.load(db.buffer(), baseValue.rows());
        RowCodec baseCodec = baseValue == null ? null : new RowCodec(baseValue.schema());
        var it = conflicts.iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            ConflictsOp.RowConflict c = it.next();
            Object[] ours = null;
            long ourCount = 0;
            if (rows != null) {
                byte[] v = rows.get(c.key());
                ours = v == null ? null : codec.decode(c.key(), v);
                ourCount = v == null ? 0 : codec.count(v);
            }
            Object[] base = c.base();
            if (baseRows != null) {
                byte[] v = baseRows.get(c.key());
                base = v == null ? null : baseCodec.decode(c.key(), v);
            }
            Object[] out = new Object[ConflictRows.width(baseSchema, schema)];
            ConflictRows.fill(out, 0, baseSchema.columns().size(), schema, c, base, ours, ourCount);
            return out;
        };
    }

    /** Marks the selected conflicts resolved; t keeps its current rows. */
    @Override
    public long delete(Session session, DatabaseState db, List<Object[]> selected) {
        if (selected.isEmpty()) {
            return 0;
        }
        int idColumn = ConflictRows.idColumn(baseSchema, schema);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            WorkingSet ws = db.repo().workingSet(db.branch());
            MergeState ms = ws.mergeState();
            TableConflicts tc = ms == null ? null : ms.table(table).orElse(null);
            if (tc == null || tc.rowConflicts() == null) {
                return 0;
            }
            ChunkBuffer buf = db.repo().newBuffer();
            ProllyMap conflicts = ProllyMap.load(buf, tc.rowConflicts());
            MapEdits edits = new MapEdits();
            long removed = 0;
            for (Object[] r : selected) {
                byte[] key = ConflictRows.key(r[idColumn]);
                if (conflicts.contains(key)) {
                    edits.delete(key);
                    removed++;
                }
            }
            ProllyMap left = conflicts.edit(edits, buf);
            TableConflicts next = new TableConflicts(tc.table(), tc.base(), tc.ours(), tc.theirs(),
                    left.isEmpty() ? null : left.root(), left.count(), tc.violations(), tc.violationCount(),
                    tc.schemaConflict());
            try {
                db.repo().updateWorkingSet(db.branch(), ws, ws.withMergeState(ms.withTable(tc.table(), next)), buf);
                db.adoptPublishedMergeState();
                return removed;
            } catch (VersioningException e) {
                if (e.reason() != VersioningException.Reason.CONCURRENT_UPDATE) {
                    throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
                }
            }
        }
        throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                + "transaction (branch '" + db.branch() + "' is too busy)");
    }

    /** Writes changed our_ columns into t, in the session's transaction. */
    @Override
    public long update(Session session, DatabaseState db, List<Object[]> before, List<Object[]> after) {
        int n = width();
        int at = baseSchema.columns().size(); // the our_ columns follow the base_ ones
        TableTarget target = TableTarget.resolve(session, new SqlIdentifier(List.of(db.name(), table),
                SqlParserPos.ZERO));
        TableEditor editor = target.editor();
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            Object[] oldOurs = java.util.Arrays.copyOfRange(before.get(i), at, at + n);
            Object[] newOurs = java.util.Arrays.copyOfRange(after.get(i), at, at + n);
            if (java.util.Arrays.stream(oldOurs).allMatch(java.util.Objects::isNull)) {
                continue;
            }
            if (!java.util.Arrays.equals(oldOurs, newOurs)) {
                editor.update(oldOurs, newOurs);
                changed++;
            }
        }
        if (changed > 0) {
            target.apply(editor);
        }
        return changed;
    }
}
