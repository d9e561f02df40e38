package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dolt_update_column_tag}: gives a column of the working root's table another tag. The rows stay as they
 * are (tags name columns only for merges and diffs), so a column whose tag no longer matches the other side's is
 * matched by name there (see docs/merge-rules.md, "Schemas").
 */
public final class ColumnTagOp {
    private ColumnTagOp() {
    }

    public static void run(BranchContext ctx, String table, String column, long tag) {
        if (tag < 0) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                    "invalid tag: " + tag + " (a tag is a non-negative number)");
        }
        WorkingSet ws = ctx.workingSet();
        RootValue working = ctx.root(ws.working());
        String stored = working.resolveName(table).orElseThrow(() -> new VersioningException(
                VersioningException.Reason.NOT_FOUND, "table " + table + " does not exist"));
        TableValue value = ctx.table(working.tableHash(stored));
        TableSchema schema = value.schema();
        List<Column> columns = new ArrayList<>(schema.columns());
        int at = -1;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.name().equalsIgnoreCase(column)) {
                at = i;
            } else if (c.tag() == tag) {
                throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT,
                        "tag " + tag + " is already used by column " + c.name() + " of table " + stored);
            }
        }
        if (at < 0) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND,
                    "column " + column + " does not exist in table " + stored);
        }
        columns.set(at, columns.get(at).withTag(tag));
        TableSchema next = new TableSchema(columns, schema.primaryKey(), schema.indexes(), schema.checks(),
                schema.foreignKeys(), schema.collation(), schema.collatedPrimaryKey(), schema.comment());
        ChunkBuffer buf = ctx.repo().newBuffer();
        TableValue retagged = new TableValue(next, value.rows(), value.indexes(), value.autoIncrement());
        RootValue updated = working.withTable(stored, ctx.repo().writeTable(buf, retagged));
        ctx.repo().updateWorkingSet(ctx.branch(), ws,
                new WorkingSet(updated.write(buf), ws.staged(), ws.mergeSource(), ws.mergeState()), buf);
    }
}
