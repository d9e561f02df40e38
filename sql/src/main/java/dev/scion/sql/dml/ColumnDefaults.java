package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlOperators;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/** Column defaults in UPDATE: {@code SET c = DEFAULT} and {@code DEFAULT(col)} inside an expression. */
final class ColumnDefaults {
    private ColumnDefaults() {
    }

    /** {@code expr} with DEFAULT (meaning column {@code target}'s default) and DEFAULT(col) replaced by values. */
    static SqlNode bind(Session session, TableSchema schema, int target, SqlNode expr, Session lenient) {
        if (expr.getKind() == SqlKind.DEFAULT) {
            return ValueLiterals.of(value(session, schema.columns().get(target), lenient));
        }
        return expr.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call.getOperator() == MySqlOperators.DEFAULT_OF) {
                    SqlIdentifier id = (SqlIdentifier) call.operand(0);
                    String name = id.names.get(id.names.size() - 1);
                    int c = schema.columnIndex(name);
                    if (c < 0) {
                        throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
                    }
                    return ValueLiterals.of(value(session, schema.columns().get(c), lenient));
                }
                return super.visit(call);
            }
        });
    }

    /**
     * Whether a default expression must be evaluated for each row rather than once per statement: it calls a
     * function that gives a new value per call (UUID(), UUID_SHORT(), RAND()). NOW() and the like stay constant
     * within a statement in MySQL too, so they are evaluated once.
     */
    static boolean perRow(String defaultSql) {
        String s = defaultSql.toUpperCase(java.util.Locale.ROOT);
        return s.contains("UUID") || s.contains("RAND");
    }

    /** The column's default; a NOT NULL column without one fails with 1364 (a warning when lenient). */
    static Object value(Session session, Column c, Session lenient) {
        if (c.defaultSql() != null) {
            return ExpressionEvaluator.evaluate(session, List.of(StatementReader.expression(c.defaultSql())),
                    c.defaultSql())[0];
        }
        if (c.nullable()) {
            return null;
        }
        if (ColumnValues.hasEnumFirstMemberDefault(c)) {
            return c.type().values().get(0);
        }
        SqlError e = new SqlError(ErrorCode.NO_DEFAULT_FOR_FIELD, "Field '" + c.name()
                + "' doesn't have a default value");
        if (lenient == null) {
            throw e;
        }
        lenient.addWarning(e.code(), e.getMessage());
        return ColumnValues.implicitDefault(c);
    }
}
