package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * Enforces a table's CHECK constraints on a row about to be written: each condition is evaluated with the
 * row's values in place of its column names; false fails with 3819, true and NULL pass (MySQL's rule).
 */
public final class CheckConstraints {
    private CheckConstraints() {
    }

    public static void verify(Session session, TableSchema schema, Object[] row) {
        for (CheckDef check : schema.checks()) {
            if (fails(session, schema, check, row)) {
                throw new SqlError(ErrorCode.CHECK_CONSTRAINT_VIOLATED, "Check constraint '" + check.name()
                        + "' is violated.");
            }
        }
    }

    /** Every check of the schema the row fails (for the merge's re-check, which records rather than refuses). */
    public static List<CheckDef> failed(Session session, TableSchema schema, Object[] row) {
        List<CheckDef> out = new ArrayList<>();
        for (CheckDef check : schema.checks()) {
            if (fails(session, schema, check, row)) {
                out.add(check);
            }
        }
        return out;
    }

    private static boolean fails(Session session, TableSchema schema, CheckDef check, Object[] row) {
        SqlNode condition = StatementReader.expression(check.expressionSql());
        SqlNode bound = condition.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                int i = schema.columnIndex(id.names.get(id.names.size() - 1));
                return i < 0 ? id : ValueLiterals.of(row[i]);
            }
        });
        Object v = ExpressionEvaluator.evaluate(session, List.of(bound), check.expressionSql())[0];
        return v != null && Values.toDouble(v) == 0;
    }
}
