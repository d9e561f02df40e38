package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.DirectExpression;
import dev.scion.sql.expr.Expr;
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
 * Enforces a table's CHECK constraints on a row about to be written: each condition is evaluated over the row's
 * values; false fails with 3819, true and NULL pass (MySQL's rule); a NOT ENFORCED check is skipped. A condition is evaluated directly where it can be
 * ({@link DirectExpression}), else by its form compiled once per schema ({@link CompiledChecks}), and planned as a
 * one-row SELECT of the row's values only when neither takes it.
 */
public final class CheckConstraints {
    private CheckConstraints() {
    }

    public static void verify(Session session, TableSchema schema, Object[] stored) {
        List<CheckDef> checks = schema.checks();
        Object[] row = asRead(session, schema, stored, checks);
        for (int i = 0; i < checks.size(); i++) {
            CheckDef check = checks.get(i);
            if (check.enforced() && fails(session, schema, i, row)) {
                throw new SqlError(ErrorCode.CHECK_CONSTRAINT_VIOLATED, "Check constraint '" + check.name()
                        + "' is violated.");
            }
        }
    }

    /** Every check of the schema the row fails (for the merge's re-check, which records rather than refuses). */
    public static List<CheckDef> failed(Session session, TableSchema schema, Object[] stored) {
        List<CheckDef> out = new ArrayList<>();
        List<CheckDef> checks = schema.checks();
        Object[] row = asRead(session, schema, stored, checks);
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).enforced() && fails(session, schema, i, row)) {
                out.add(checks.get(i));
            }
        }
        return out;
    }

    /** The row as the checks' expressions read it: TIMESTAMP values in the session's time zone. */
    private static Object[] asRead(Session session, TableSchema schema, Object[] stored, List<CheckDef> checks) {
        return checks.isEmpty() ? stored : dev.scion.sql.expr.StoredTimestamps.readRow(stored, schema.columns(),
                dev.scion.sql.expr.StoredTimestamps.conversionZone(session));
    }

    private static boolean fails(Session session, TableSchema schema, int index, Object[] row) {
        CheckDef check = schema.checks().get(index);
        Object v = DirectExpression.ofColumns(check.expressionSql()).map(e -> e.eval(name -> {
            int i = schema.columnIndex(name);
            return i < 0 ? DirectExpression.FALL_BACK : row[i];
        })).orElse(DirectExpression.FALL_BACK);
        if (v == DirectExpression.FALL_BACK) {
            Expr compiled = CompiledChecks.of(schema)[index];
            v = compiled == null ? planned(session, schema, check, row) : compiled.eval(row, new ExecContext(session));
        }
        return v != null && Values.toDouble(v) == 0;
    }

    private static Object planned(Session session, TableSchema schema, CheckDef check, Object[] row) {
        SqlNode condition = StatementReader.expression(check.expressionSql());
        SqlNode bound = condition.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                int i = schema.columnIndex(id.names.get(id.names.size() - 1));
                return i < 0 ? id : ValueLiterals.of(row[i]);
            }
        });
        return ExpressionEvaluator.evaluate(session, List.of(bound), check.expressionSql())[0];
    }
}
