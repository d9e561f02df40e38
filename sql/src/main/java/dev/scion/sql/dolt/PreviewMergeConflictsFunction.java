package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.ops.MergePreview;
import dev.scion.versioning.merge.SchemaMerger;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Iterator;
import java.util.List;

/**
 * dolt_preview_merge_conflicts_summary(base_branch, merge_branch): per table, how many rows (and whether the schema)
 * would conflict if merge_branch were merged into base_branch; dolt_preview_merge_conflicts(base_branch,
 * merge_branch, table): those rows, shaped like dolt_conflicts_&lt;table&gt;. Both compare the branches' heads (not
 * their working sets) and change nothing ({@link MergePreview}).
 */
final class PreviewMergeConflictsFunction implements SystemTable {
    static final String SUMMARY = "dolt_preview_merge_conflicts_summary";
    static final String ROWS = "dolt_preview_merge_conflicts";

    private final String function;
    private final String from;
    private final MergePreview preview;
    private final String table;
    private final TableSchema schema;

    private PreviewMergeConflictsFunction(String function, String from, MergePreview preview, String table,
                                          TableSchema schema) {
        this.function = function;
        this.from = from;
        this.preview = preview;
        this.table = table;
        this.schema = schema;
    }

    static PreviewMergeConflictsFunction summary(Session session, DatabaseState db, List<String> args) {
        requireCount(SUMMARY, args, 2);
        return new PreviewMergeConflictsFunction(SUMMARY, args.get(0), preview(session, db, args), null, null);
    }

    static PreviewMergeConflictsFunction rows(Session session, DatabaseState db, List<String> args) {
        requireCount(ROWS, args, 3);
        MergePreview p = preview(session, db, args);
        // only the named table's schema conflicts stop its rows from being shown (Dolt's rule)
        long schemaConflicts = p.conflicts().stream().filter(c -> c.table().equalsIgnoreCase(args.get(2)))
                .mapToLong(c -> SchemaMerger.conflictCount(c.schemaConflict())).sum();
        if (schemaConflicts > 0) {
            throw new SqlError(ErrorCode.VERSIONING, "schema conflicts found: " + schemaConflicts);
        }
        Hash ours = DiffSides.resolveCommit(session, db, args.get(0));
        var root = db.repo().readRoot(db.buffer(), db.repo().readCommit(ours).root());
        var merged = p.merged().orElse(root);
        String name = merged.resolveName(args.get(2)).or(() -> root.resolveName(args.get(2))).orElseThrow(() ->
                new SqlError(ErrorCode.NO_SUCH_TABLE, "table not found: " + args.get(2)));
        TableSchema schema = p.mergedSchema(name).orElseGet(() ->
                db.repo().readTable(db.buffer(), root.table(name).orElseThrow()).schema());
        return new PreviewMergeConflictsFunction(ROWS, args.get(0), p, name, schema);
    }

    private static void requireCount(String function, List<String> args, int n) {
        if (args.size() != n) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "function '" + function + "' expected " + n
                    + " arguments, " + args.size() + " received");
        }
    }

    private static MergePreview preview(Session session, DatabaseState db, List<String> args) {
        for (int i = 0; i < 2; i++) {
            if (args.get(i).contains("..")) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "string is not a valid branch or hash: " + args.get(i));
            }
        }
        Hash ours = DiffSides.resolveCommit(session, db, args.get(0));
        Hash theirs = DiffSides.resolveCommit(session, db, args.get(1));
        return MergePreview.of(db.repo(), ours, theirs, new SqlRowConstraintChecker(session));
    }

    @Override
    public String name() {
        return function;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        if (schema == null) {
            return f.builder().add("table", Columns.text(f, 1024))
                    .add("num_data_conflicts", f.createTypeWithNullability(Columns.bigint(f), true))
                    .add("num_schema_conflicts", Columns.bigint(f)).build();
        }
        RelDataTypeFactory.Builder b = f.builder().add("from_root_ish", Columns.text(f, 1024));
        ConflictRows.columns(b, f, schema);
        return b.build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        if (schema == null) {
            Iterator<TableConflicts> it = preview.conflicts().iterator();
            return () -> {
                if (!it.hasNext()) {
                    return null;
                }
                TableConflicts c = it.next();
                boolean schemaConflict = c.schemaConflict() != null;
                return new Object[] {c.table(), schemaConflict ? null : c.rowConflictCount(), schemaConflict
                        ? (long) SchemaMerger.conflictCount(c.schemaConflict()) : 0L};
            };
        }
        Iterator<ConflictsOp.RowConflict> it = preview.rows(table);
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            ConflictsOp.RowConflict c = it.next();
            Object[] out = new Object[1 + ConflictRows.width(schema)];
            out[0] = from;
            ConflictRows.fill(out, 1, schema, c, c.ours(), c.ourCount());
            return out;
        };
    }
}
