package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.ops.BlameOp;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * dolt_blame_&lt;t&gt;: for every row of t at the session's HEAD commit, its primary key and the commit that last
 * changed it (commit, commit_date, committer, email, message), in key order. Uncommitted changes are not blamed:
 * like Dolt, the view reads committed history only. Keyless tables have no such view (rows have no identity).
 */
final class DoltBlameForTable extends TableSystemTable {
    static final String PREFIX = "dolt_blame_";

    DoltBlameForTable(String table, TableSchema schema) {
        super(PREFIX, table, schema);
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (String pk : schema.primaryKey()) {
            Column c = schema.column(pk).orElseThrow();
            b.add(c.name(), TypeMapping.toCalcite(f, c));
        }
        return b.add("commit", Columns.hash(f)).add("commit_date", Columns.datetime(f))
                .add("committer", Columns.text(f, 1024)).add("email", Columns.text(f, 1024))
                .add("message", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Hash head = session.headOf(db);
        BranchContext ctx = BranchContext.detached(db.repo(), head);
        if (ctx.root(ctx.headCommit().root()).resolveName(table).isEmpty()) {
            return RowStream.of(List.of()); // a table not committed yet has no history to blame
        }
        String stored = ctx.root(ctx.headCommit().root()).resolveName(table).get();
        List<Object[]> rows = new ArrayList<>();
        int[] positions = null;
        for (BlameOp.Line line : BlameOp.run(ctx, stored, head.toString())) {
            if (positions == null) {
                positions = keyPositions(ctx, stored);
            }
            int k = positions.length;
            Object[] out = new Object[k + 5];
            for (int i = 0; i < k; i++) {
                out[i] = positions[i] < 0 ? null : line.row()[positions[i]];
            }
            Commit c = line.info();
            if (c != null) {
                out[k] = line.commit().toString();
                out[k + 1] = DoltLogTable.toDateTime(c.committer().timeMillis());
                out[k + 2] = c.committer().name();
                out[k + 3] = c.committer().email();
                out[k + 4] = c.message();
            }
            rows.add(out);
        }
        return RowStream.of(rows);
    }

    /** Where each of this view's key columns sits in a row of the table as committed (matched by name). */
    private int[] keyPositions(BranchContext ctx, String stored) {
        TableSchema committed = ctx.table(ctx.root(ctx.headCommit().root()).table(stored).orElseThrow()).schema();
        int[] positions = new int[schema.primaryKey().size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = committed.columnIndex(schema.primaryKey().get(i));
        }
        return positions;
    }
}
