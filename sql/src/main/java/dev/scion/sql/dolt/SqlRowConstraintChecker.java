package dev.scion.sql.dolt;

import dev.scion.sql.dml.CheckConstraints;
import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.dml.GeneratedColumns;
import dev.scion.sql.dml.RowDefaults;
import dev.scion.sql.session.Session;
import dev.scion.versioning.merge.RowConstraintChecker;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * CHECK constraints and generated columns evaluated by the SQL expression interpreter, in the calling session, for merges, cherry-picks,
 * reverts and dolt_verify_constraints started from SQL: the same evaluation an INSERT gets, so a merged row is
 * judged exactly as a written one would be.
 */
public final class SqlRowConstraintChecker implements RowConstraintChecker {
    private final Session session;

    public SqlRowConstraintChecker(Session session) {
        this.session = session;
    }

    /** Null (a conflict) when the session set @@dolt_dont_merge_json, as Dolt treats the documents as opaque then. */
    @Override
    public String mergeJson(String base, String ours, String theirs) {
        if (dev.scion.sql.session.TransactionCommitter.isOn(session, "dolt_dont_merge_json")) {
            return null;
        }
        return dev.scion.sql.expr.json.JsonMerge.merge(base, ours, theirs);
    }

    @Override
    public List<CheckDef> failedChecks(TableSchema schema, Object[] row) {
        return schema.checks().isEmpty() ? List.of() : CheckConstraints.failed(session, schema, row);
    }

    @Override
    public Object defaultValue(TableSchema schema, Column c, Object[] row) {
        if (c.defaultSql() == null) {
            return null;
        }
        try {
            return ColumnValues.coerce(RowDefaults.evaluate(session, schema, c, row), c, 1, session);
        } catch (dev.scion.sql.error.SqlError unfit) {
            return null; // as the remapping left it
        }
    }

    @Override
    public Object[] computeGenerated(TableSchema schema, Object[] row) {
        // out-of-range values are clipped with a warning (the row was accepted on its side); a value the column
        // cannot hold at all leaves the row as merged rather than failing the whole merge
        Object[] copy = row.clone();
        try {
            return GeneratedColumns.compute(session, schema, copy, 1, session);
        } catch (dev.scion.sql.error.SqlError unfit) {
            return row;
        }
    }
}
