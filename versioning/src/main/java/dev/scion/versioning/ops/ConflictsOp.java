package dev.scion.versioning.ops;

import dev.scion.versioning.merge.ForeignKeyChecker;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.merge.ConflictCodec;
import dev.scion.versioning.merge.IndexRebuilder;
import dev.scion.versioning.merge.ViolationRecord;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code conflicts cat|resolve}: read what a merge left in a table, and resolve it wholesale (ours or theirs),
 * row by row, or — for constraint violations — by re-checking after the data was fixed. A resolved table is
 * staged, as {@code git add} after fixing a file.
 */
public final class ConflictsOp {
    public enum Side { OURS, THEIRS }

    private ConflictsOp() {
    }

    /**
     * One conflicting row: the three versions as full rows in the merged schema (null when absent), and how many
     * copies of the row each side holds (keyless tables; 1 or 0 for keyed ones).
     */
    public record RowConflict(byte[] key, Object[] base, Object[] ours, Object[] theirs, long baseCount,
                              long ourCount, long theirCount) {
        /** Decodes one entry of a conflict map. */
        public static RowConflict of(RowCodec codec, byte[] key, byte[] conflictValue) {
            ConflictCodec.Sides s = ConflictCodec.decode(conflictValue);
            return new RowConflict(key, side(codec, key, s.base()), side(codec, key, s.ours()),
                    side(codec, key, s.theirs()), count(codec, s.base()), count(codec, s.ours()),
                    count(codec, s.theirs()));
        }

        private static Object[] side(RowCodec codec, byte[] key, byte[] value) {
            return value == null ? null : codec.decode(key, value);
        }

        private static long count(RowCodec codec, byte[] value) {
            return value == null ? 0 : codec.count(value);
        }
    }

    /** One row breaking a constraint after the merge, and which. */
    public record Violation(byte[] key, Object[] row, String description) {
    }

    public static MergeState state(BranchContext ctx) {
        MergeState s = ctx.workingSet().mergeState();
        if (s == null) {
            throw new VersioningException(VersioningException.Reason.MERGE_STATE, "error: no merge in progress");
        }
        return s;
    }

    public static TableConflicts table(BranchContext ctx, String table) {
        return state(ctx).table(table).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "error: table '" + table + "' has no conflicts"));
    }

    private static TableValue working(BranchContext ctx, ChunkBuffer buf, String table) {
        RootValue w = ctx.root(buf, ctx.workingSet().working());
        Hash h = w.table(table).orElseThrow(() -> new VersioningException(VersioningException.Reason.NOT_FOUND,
                "error: table '" + table + "' not found in the working set"));
        return ctx.repo().readTable(buf, h);
    }

    public static List<RowConflict> rows(BranchContext ctx, String table) {
        TableConflicts tc = table(ctx, table);
        List<RowConflict> out = new ArrayList<>();
        if (tc.rowConflicts() == null) {
            return out;
        }
        ChunkBuffer buf = ctx.repo().newBuffer();
        RowCodec codec = new RowCodec(working(ctx, buf, table).schema());
        try (ProllyCursor c = ProllyMap.load(buf, tc.rowConflicts()).cursor()) {
            while (c.next()) {
                out.add(RowConflict.of(codec, c.key(), c.value()));
            }
        }
        return out;
    }

    public static List<Violation> violations(BranchContext ctx, String table) {
        TableConflicts tc = table(ctx, table);
        List<Violation> out = new ArrayList<>();
        if (tc.violations() == null) {
            return out;
        }
        ChunkBuffer buf = ctx.repo().newBuffer();
        TableValue tv = working(ctx, buf, table);
        RowCodec codec = new RowCodec(tv.schema());
        ProllyMap rows = ProllyMap.load(buf, tv.rows());
        try (ProllyCursor c = ProllyMap.load(buf, tc.violations()).cursor()) {
            while (c.next()) {
                // a row no longer in the table (a merge's NOT NULL violation, or deleted since) shows as the
                // merge recorded it
                ViolationRecord record = ViolationRecord.decode(c.value());
                byte[] v = rows.get(c.key());
                if (v == null) {
                    v = record.rowValue();
                }
                out.add(new Violation(c.key(), v == null ? null : codec.decode(c.key(), v), record.description()));
            }
        }
        return out;
    }

    /**
     * Resolves every row conflict of the table to one side (and a schema conflict by taking that side's whole
     * table). Constraint violations stay until {@link #recheckViolations} finds them gone.
     */
    public static void resolve(BranchContext ctx, String table, Side side) {
        TableConflicts tc = table(ctx, table);
        WorkingSet ws = ctx.workingSet();
        ChunkBuffer buf = ctx.repo().newBuffer();
        RootValue working = ctx.root(buf, ws.working());
        TableConflicts next;
        if (tc.schemaConflict() != null) {
            Hash chosen = side == Side.OURS ? tc.ours() : tc.theirs();
            working = chosen == null ? working.withoutTable(table) : working.withTable(tc.table(), chosen);
            next = null;
        } else {
            TableValue tv = working(ctx, buf, table);
            MapEdits edits = new MapEdits();
            if (tc.rowConflicts() != null) {
                try (ProllyCursor c = ProllyMap.load(buf, tc.rowConflicts()).cursor()) {
                    while (c.next()) {
                        ConflictCodec.Sides s = ConflictCodec.decode(c.value());
                        byte[] v = side == Side.OURS ? s.ours() : s.theirs();
                        if (v == null) {
                            edits.delete(c.key());
                        } else {
                            edits.put(c.key(), v);
                        }
                    }
                }
            }
            Hash rows = ProllyMap.load(buf, tv.rows()).edit(edits, buf).root();
            TableValue resolved = IndexRebuilder.update(buf, tv, rows, tv.autoIncrement());
            working = working.withTable(tc.table(), resolved.write(buf));
            next = new TableConflicts(tc.table(), tc.base(), tc.ours(), tc.theirs(), null, 0, tc.violations(),
                    tc.violationCount(), null);
        }
        install(ctx, ws, buf, working, tc.table(), next);
    }

    /** Resolves one conflicting row, named by its primary key values, to one side. */
    public static void resolveRow(BranchContext ctx, String table, Object[] keyValues, Side side) {
        TableConflicts tc = table(ctx, table);
        if (tc.rowConflicts() == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "error: table '" + table + "' has no row conflicts");
        }
        WorkingSet ws = ctx.workingSet();
        ChunkBuffer buf = ctx.repo().newBuffer();
        TableValue tv = working(ctx, buf, table);
        RowCodec codec = new RowCodec(tv.schema());
        byte[] key = codec.keyFromKeyValues(keyValues);
        ProllyMap conflicts = ProllyMap.load(buf, tc.rowConflicts());
        byte[] entry = conflicts.get(key);
        if (entry == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "error: no conflict for key " + Arrays.toString(keyValues) + " in table '" + table + "'");
        }
        ConflictCodec.Sides s = ConflictCodec.decode(entry);
        byte[] v = side == Side.OURS ? s.ours() : s.theirs();
        MapEdits edit = new MapEdits();
        if (v == null) {
            edit.delete(key);
        } else {
            edit.put(key, v);
        }
        Hash rows = ProllyMap.load(buf, tv.rows()).edit(edit, buf).root();
        TableValue resolved = IndexRebuilder.update(buf, tv, rows, tv.autoIncrement());
        ProllyMap left = conflicts.edit(new MapEdits().delete(key), buf);
        RootValue working = ctx.root(buf, ws.working()).withTable(tc.table(), resolved.write(buf));
        TableConflicts next = new TableConflicts(tc.table(), tc.base(), tc.ours(), tc.theirs(),
                left.isEmpty() ? null : left.root(), left.count(), tc.violations(), tc.violationCount(), null);
        install(ctx, ws, buf, working, tc.table(), next);
    }

    /**
     * Forgets the recorded violations of these rows (by row key), as DELETE on dolt_constraint_violations_&lt;t&gt;
     * does: the user accepts the rows as they are. Returns how many were removed.
     */
    public static long forgetViolations(BranchContext ctx, String table, List<byte[]> keys) {
        TableConflicts tc = table(ctx, table);
        if (tc.violations() == null || keys.isEmpty()) {
            return 0;
        }
        WorkingSet ws = ctx.workingSet();
        ChunkBuffer buf = ctx.repo().newBuffer();
        ProllyMap recorded = ProllyMap.load(buf, tc.violations());
        MapEdits gone = new MapEdits();
        long removed = 0;
        for (byte[] key : keys) {
            if (recorded.contains(key)) {
                gone.delete(key);
                removed++;
            }
        }
        ProllyMap left = recorded.edit(gone, buf);
        TableConflicts next = new TableConflicts(tc.table(), tc.base(), tc.ours(), tc.theirs(), tc.rowConflicts(),
                tc.rowConflictCount(), left.isEmpty() ? null : left.root(), left.count(), tc.schemaConflict());
        install(ctx, ws, buf, ctx.root(buf, ws.working()), tc.table(), next);
        return removed;
    }

    /** Drops recorded violations (unique, not null, foreign key, check) that the current rows no longer have; returns how many remain. */
    public static long recheckViolations(BranchContext ctx, String table) {
        TableConflicts tc = table(ctx, table);
        if (tc.violations() == null) {
            return 0;
        }
        WorkingSet ws = ctx.workingSet();
        ChunkBuffer buf = ctx.repo().newBuffer();
        TableValue tv = working(ctx, buf, table);
        RowCodec codec = new RowCodec(tv.schema());
        ProllyMap rows = ProllyMap.load(buf, tv.rows());
        ProllyMap recorded = ProllyMap.load(buf, tc.violations());
        MapEdits gone = new MapEdits();
        Map<byte[], String> orphans = new ForeignKeyChecker(ctx.repo(), buf, ctx.root(buf, ws.working()))
                .checkAll(table);
        try (ProllyCursor c = recorded.cursor()) {
            while (c.next()) {
                byte[] v = rows.get(c.key());
                if (v == null || (!violatesUnique(buf, tv, codec, codec.decode(c.key(), v))
                        && !nullInNotNull(tv.schema(), codec.decode(c.key(), v))
                        && !orphans.containsKey(c.key())
                        && ctx.constraintChecker().failedChecks(tv.schema(), codec.decode(c.key(), v)).isEmpty())) {
                    gone.delete(c.key());
                }
            }
        }
        ProllyMap left = recorded.edit(gone, buf);
        TableConflicts next = new TableConflicts(tc.table(), tc.base(), tc.ours(), tc.theirs(), tc.rowConflicts(),
                tc.rowConflictCount(), left.isEmpty() ? null : left.root(), left.count(), tc.schemaConflict());
        install(ctx, ws, buf, ctx.root(buf, ws.working()), tc.table(), next);
        return left.count();
    }

    private static boolean nullInNotNull(dev.scion.versioning.schema.TableSchema schema, Object[] row) {
        for (int i = 0; i < schema.columns().size(); i++) {
            if (!schema.columns().get(i).nullable() && row[i] == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesUnique(ChunkBuffer buf, TableValue tv, RowCodec codec, Object[] row) {
        for (IndexDef ix : tv.schema().indexes()) {
            if (!ix.unique()) {
                continue;
            }
            IndexCodec ic = codec.indexCodec(ix);
            Object[] values = ic.indexValues(row);
            if (Arrays.stream(values).anyMatch(Objects::isNull)) {
                continue;
            }
            int n = 0;
            try (ProllyCursor c = ProllyMap.load(buf, tv.indexes().get(ix.name().toLowerCase()))
                    .cursor(KeyRange.prefix(ic.prefix(values)), false)) {
                while (c.next()) {
                    n++;
                }
            }
            if (n > 1) {
                return true;
            }
        }
        return false;
    }

    /** Writes the new working root, stages the table once nothing is left in it, and updates the merge state. */
    private static void install(BranchContext ctx, WorkingSet ws, ChunkBuffer buf, RootValue working, String table,
                                TableConflicts next) {
        MergeState state = ws.mergeState().withTable(table, next);
        RootValue staged = ctx.root(buf, ws.staged());
        if (next == null || next.isResolved()) {
            var h = working.table(table);
            staged = h.isPresent() ? staged.withTable(working.resolveName(table).orElse(table), h.get())
                    : staged.withoutTable(table);
        }
        WorkingSet out = new WorkingSet(working.write(buf), staged.write(buf), ws.mergeSource(), state);
        ctx.repo().updateWorkingSet(ctx.branch(), ws, out, buf);
    }
}
