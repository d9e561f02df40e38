package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.DirectExpression;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.plan.RowExpressions;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a table's generated columns ({@code c INT AS (a + b)}) for a row about to be written. Columns are
 * computed in table order, so a generated column may use the generated columns before it (MySQL's rule). An
 * expression is evaluated directly where it can be ({@link DirectExpression}: integer arithmetic over columns),
 * else by its compiled form ({@link RowExpressions}: strings, DECIMAL, functions; compiled once per table schema),
 * and planned per row only when neither takes it. VIRTUAL
 * and STORED columns are both kept in the row: reading them then costs nothing, and an index on one is an
 * ordinary index.
 */
public final class GeneratedColumns {
    private GeneratedColumns() {
    }

    public static boolean any(TableSchema schema) {
        for (Column c : schema.columns()) {
            if (c.generated()) {
                return true;
            }
        }
        return false;
    }

    /** Fills every generated column of {@code row} in place (and returns it). */
    public static Object[] compute(Session session, TableSchema schema, Object[] row, long rowNumber,
                                   Session lenient) {
        List<Column> cols = schema.columns();
        // the expressions read TIMESTAMP columns in the session's time zone; what they give is stored in UTC
        Object[] local = dev.scion.sql.expr.StoredTimestamps.readRow(row, cols,
                dev.scion.sql.expr.StoredTimestamps.conversionZone(session));
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (!col.generated()) {
                continue;
            }
            Object v = direct(schema, col, local);
            if (v == DirectExpression.FALL_BACK) {
                Expr compiled = compiled(schema)[c];
                if (compiled != null) {
                    v = compiled.eval(local, new ExecContext(session));
                }
            }
            if (v == DirectExpression.FALL_BACK) {
                SqlNode bound = StatementReader.expression(col.generatedSql()).accept(new SqlShuttle() {
                    @Override
                    public SqlNode visit(SqlIdentifier id) {
                        int i = schema.columnIndex(id.names.get(id.names.size() - 1));
                        return i < 0 ? id : ValueLiterals.of(local[i]);
                    }
                });
                v = ExpressionEvaluator.evaluate(session, List.of(bound), col.generatedSql())[0];
            }
            if (v == null && !col.nullable()) {
                throw new SqlError(ErrorCode.BAD_NULL, "Column '" + col.name() + "' cannot be null");
            }
            local[c] = ColumnValues.coerce(v, col, rowNumber, lenient, session);
            row[c] = SessionTimestamps.stored(local[c], col, session);
        }
        return row;
    }

    /**
     * The column's value by its expression compiled once (integer arithmetic and comparisons over the row's columns,
     * see {@link DirectExpression}), or FALL_BACK: the expression is then evaluated as a planned SELECT of the row's
     * values as literals.
     */
    private static Object direct(TableSchema schema, Column col, Object[] row) {
        return DirectExpression.ofColumns(col.generatedSql()).map(e -> e.eval(name -> {
            int i = schema.columnIndex(name);
            return i < 0 ? DirectExpression.FALL_BACK : row[i];
        })).orElse(DirectExpression.FALL_BACK);
    }

    private static final int COMPILED_LIMIT = 512;
    /** Compiled expressions by table schema (a schema's generated expressions compile once, not per row). */
    private static final Map<TableSchema, Expr[]> COMPILED = new ConcurrentHashMap<>();
    /** The last schema this thread looked up, by identity: a statement's rows share one schema instance. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /**
     * Each generated column's expression compiled over the table's row ({@link RowExpressions}), null for a column
     * that is not generated or whose expression does not compile (it is then planned per row).
     */
    private static Expr[] compiled(TableSchema schema) {
        Object[] last = LAST.get();
        if (last != null && last[0] == schema) {
            return (Expr[]) last[1];
        }
        Expr[] exprs = COMPILED.get(schema);
        if (exprs == null) {
            List<RowExpressions.Field> fields = new ArrayList<>();
            for (Column col : schema.columns()) {
                fields.add(new RowExpressions.Field(col.name(), (f, name) -> TypeMapping.toCalcite(f, col)));
            }
            exprs = new Expr[schema.columns().size()];
            for (int c = 0; c < exprs.length; c++) {
                Column col = schema.columns().get(c);
                if (col.generated()) {
                    exprs[c] = RowExpressions.compile(col.generatedSql(), fields).orElse(null);
                }
            }
            if (COMPILED.size() >= COMPILED_LIMIT) {
                COMPILED.clear();
            }
            COMPILED.put(schema, exprs);
        }
        LAST.set(new Object[] {schema, exprs});
        return exprs;
    }

    /** 3105: a statement gave a generated column a value other than DEFAULT. */
    public static SqlError valueNotAllowed(Column col, String table) {
        return new SqlError(ErrorCode.GENERATED_COLUMN_VALUE, "The value specified for generated column '"
                + col.name() + "' in table '" + table + "' is not allowed.");
    }
}
