package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.List;

/**
 * dolt_constraint_violations_&lt;t&gt;: the rows of t that break a constraint after the merge in progress: the
 * commit being merged (from_root_ish), the kind of violation, the row's columns, and what the merge recorded about
 * it; one row per broken constraint, so a row breaking two unique indexes is listed twice.
 */
final class DoltConstraintViolationsForTable extends TableSystemTable implements WritableSystemTable {
    static final String PREFIX = "dolt_constraint_violations_";

    DoltConstraintViolationsForTable(String table, TableSchema schema) {
        super(PREFIX, table, schema);
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder().add("from_root_ish", Columns.text(f, 1024))
                .add("violation_type", Columns.text(f, 64));
        if (schema.isKeyless()) { // which copy of a row without a key: its content hash, as Dolt shows it
            b.add("dolt_row_hash", f.createTypeWithNullability(f.createSqlType(
                    org.apache.calcite.sql.type.SqlTypeName.VARBINARY, 20), true));
        }
        for (Column c : schema.columns()) {
            b.add(c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
        return b.add("violation_info", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        if (ms == null || ms.table(table).map(t -> t.violationCount() == 0).orElse(true)) {
            return RowStream.of(List.of());
        }
        var it = ConflictsOp.violations(new BranchContext(db.repo(), db.branch()), table).iterator();
        String from = ms.source() == null ? null : ms.source().toString();
        int n = schema.columns().size();
        int first = firstColumn();
        var codec = schema.isKeyless() ? new dev.scion.versioning.table.RowCodec(schema) : null;
        return new RowStream() {
            private ConflictsOp.Violation current;
            private java.util.Iterator<String> kinds = java.util.Collections.emptyIterator();

            @Override
            public Object[] next() {
                while (!kinds.hasNext()) {
                    if (!it.hasNext()) {
                        return null;
                    }
                    current = it.next();
                    kinds = ViolationInfo.parts(current.description()).iterator();
                }
                String info = kinds.next();
                Object[] out = new Object[n + first + 1];
                out[0] = from;
                out[1] = ViolationInfo.type(info);
                if (codec != null) {
                    out[2] = codec.keylessRowHash(current.key());
                }
                info = ViolationInfo.of(info, schema);
                if (current.row() != null) {
                    System.arraycopy(current.row(), 0, out, first, Math.min(n, current.row().length));
                }
                out[n + first] = info;
                return out;
            }
        };
    }

    /** Where the table's own columns start: after from_root_ish, violation_type (and dolt_row_hash). */
    private int firstColumn() {
        return schema.isKeyless() ? 3 : 2;
    }

    /** Forgets the selected violations; the rows of t stay as they are (the user accepts them). */
    @Override
    public long delete(Session session, DatabaseState db, List<Object[]> selected) {
        if (selected.isEmpty() || VersionedRoots.mergeState(db) == null) {
            return 0;
        }
        BranchContext ctx = new BranchContext(db.repo(), db.branch());
        int n = schema.columns().size();
        List<byte[]> keys = new java.util.ArrayList<>();
        for (ConflictsOp.Violation v : ConflictsOp.violations(ctx, table)) {
            for (Object[] r : selected) {
                if (v.row() != null && java.util.Arrays.deepEquals(java.util.Arrays.copyOfRange(r, firstColumn(),
                        n + firstColumn()),
                        java.util.Arrays.copyOf(v.row(), n))) {
                    keys.add(v.key());
                    break;
                }
            }
        }
        try {
            long forgotten = ConflictsOp.forgetViolations(ctx, table, keys);
            db.adoptPublishedMergeState();
            return forgotten;
        } catch (dev.scion.versioning.repo.VersioningException e) {
            throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
        }
    }
}
