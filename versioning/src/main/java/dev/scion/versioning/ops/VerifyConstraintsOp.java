package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.merge.CheckConstraintScan;
import dev.scion.versioning.merge.ForeignKeyChecker;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code dolt_verify_constraints}: checks the working root's rows against their foreign keys, unique indexes and
 * (with the context's {@code RowConstraintChecker}) CHECK constraints (rows written with foreign_key_checks = 0, or brought in by a merge) and records what it finds as constraint
 * violations in the working set, as a merge would, so commits wait until they are fixed or forgotten. Without
 * {@code all}, only the tables changed since HEAD (or the named ones) are checked, and in them the changed rows
 * plus the children of changed parents.
 */
public final class VerifyConstraintsOp {
    private VerifyConstraintsOp() {
    }

    /** What was found, table by table (row key → description). */
    public record Result(Map<String, Map<byte[], String>> violations) {
        public long count() {
            return violations.values().stream().mapToLong(Map::size).sum();
        }
    }

    public static Result run(BranchContext ctx, List<String> tables, boolean all, boolean record) {
        WorkingSet ws = ctx.workingSet();
        ChunkBuffer buf = ctx.repo().newBuffer();
        RootValue working = ctx.root(buf, ws.working());
        RootValue head = ctx.root(buf, ctx.headCommit().root());
        List<String> names = new ArrayList<>();
        if (tables.isEmpty()) {
            for (String t : working.tables().keySet()) {
                if (all || !Objects.equals(working.table(t), head.table(t))) {
                    names.add(t);
                }
            }
        } else {
            for (String t : tables) {
                names.add(working.resolveName(t).orElseThrow(() -> new VersioningException(
                        VersioningException.Reason.NOT_FOUND, "table not found: " + t)));
            }
        }
        ForeignKeyChecker fks = new ForeignKeyChecker(ctx.repo(), buf, working);
        CheckConstraintScan checks = new CheckConstraintScan(ctx.repo(), buf, ctx.constraintChecker());
        Map<String, Map<byte[], String>> found = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String t : names) {
            // named tables too are checked for their changes since HEAD only, unless --all (Dolt's rule)
            Map<byte[], String> v = all ? fks.checkAll(t) : fks.checkChanges(t, head);
            Map<byte[], String> c = all ? checks.checkAll(t, working) : checks.checkChanges(t, working, head);
            c.forEach((k, d) -> v.merge(k, d, (a, b) -> a + "; " + b));
            uniqueViolations(buf, ctx.repo().readTable(buf, working.table(t).orElseThrow()))
                    .forEach((k, d) -> v.merge(k, d, (a, b) -> a + "; " + b));
            if (!v.isEmpty()) {
                found.put(t, v);
            }
        }
        if (record && !found.isEmpty()) {
            record(ctx, ws, buf, working, found);
        }
        return new Result(found);
    }

    /** Rows sharing the values of a unique index (NULLs never collide), each recorded. */
    private static Map<byte[], String> uniqueViolations(ChunkBuffer buf, TableValue t) {
        Map<byte[], String> out = new TreeMap<>(KeyBytes.ORDER);
        RowCodec codec = new RowCodec(t.schema());
        for (IndexDef ix : t.schema().indexes()) {
            if (!ix.unique()) {
                continue;
            }
            IndexCodec ic = codec.indexCodec(ix);
            // grouped by the encoded key parts, which are equal exactly when the index calls the values equal
            Map<java.nio.ByteBuffer, List<byte[]>> holders = new HashMap<>();
            Map<java.nio.ByteBuffer, List<Object>> shown = new HashMap<>();
            try (ProllyCursor c = ProllyMap.load(buf, t.rows()).cursor()) {
                while (c.next()) {
                    Object[] values = ic.indexValues(codec.decode(c.key(), c.value()));
                    if (Arrays.stream(values).noneMatch(Objects::isNull)) {
                        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(ic.prefix(values));
                        shown.putIfAbsent(key, Arrays.asList(values));
                        holders.computeIfAbsent(key, k -> new ArrayList<>()).add(c.key());
                    }
                }
            }
            for (var e : holders.entrySet()) {
                if (e.getValue().size() > 1) {
                    String what = "unique index '" + ix.name() + "' violated by " + shown.get(e.getKey());
                    e.getValue().forEach(k -> out.merge(k, what, (a, b) -> a + "; " + b));
                }
            }
        }
        return out;
    }

    private static void record(BranchContext ctx, WorkingSet ws, ChunkBuffer buf, RootValue working,
                               Map<String, Map<byte[], String>> found) {
        MergeState state = ws.mergeState() != null ? ws.mergeState()
                : new MergeState(null, "verify-constraints", ws.working(), ws.staged(), List.of());
        for (var e : found.entrySet()) {
            String table = e.getKey();
            Hash h = working.table(table).orElseThrow();
            TableConflicts had = state.table(table).orElse(null);
            ProllyMap map = had == null || had.violations() == null ? ProllyMap.empty(buf)
                    : ProllyMap.load(buf, had.violations());
            MapEdits edits = new MapEdits();
            ProllyMap rows = ProllyMap.load(buf, ctx.repo().readTable(buf, h).rows());
            e.getValue().forEach((k, d) -> edits.put(k, ViolationRecord.encode(d, rows.get(k))));
            ProllyMap next = map.edit(edits, buf);
            TableConflicts updated = had == null
                    ? new TableConflicts(table, h, h, h, null, 0, next.root(), next.count(), null)
                    : new TableConflicts(had.table(), had.base(), had.ours(), had.theirs(), had.rowConflicts(),
                            had.rowConflictCount(), next.root(), next.count(), had.schemaConflict());
            state = state.withTable(table, updated);
        }
        ctx.repo().updateWorkingSet(ctx.branch(), ws, ws.withMergeState(state), buf);
    }
}
