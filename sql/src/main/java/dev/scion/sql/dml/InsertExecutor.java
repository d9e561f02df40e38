package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** INSERT ... VALUES and INSERT ... SELECT. */
public final class InsertExecutor {
    private InsertExecutor() {
    }

    public static StatementResult execute(Session session, SqlInsert insert, String sql) {
        TableTarget target = TableTarget.resolve(session, insert.getTargetTable());
        TableSchema schema = target.value().schema();
        int[] positions = targetPositions(schema, insert.getTargetColumnList());
        TableEditor editor = target.editor();
        RowBuilder builder = new RowBuilder(session, schema, editor, sql);
        long count = 0;
        SqlNode source = insert.getSource();
        if (source.getKind() == SqlKind.VALUES) {
            for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
                List<SqlNode> exprs = ((SqlCall) rowNode).getOperandList();
                if (exprs.size() != positions.length) {
                    throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row "
                            + (count + 1));
                }
                Object[] values = evaluateRow(session, exprs, sql);
                insertRow(editor, builder.build(positions, values, count + 1, exprs));
                count++;
            }
        } else {
            QueryPlanner.Plan plan = QueryPlanner.plan(session, source, sql);
            if (plan.columns().size() != positions.length) {
                throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row 1");
            }
            try (RowStream rows = plan.root().open(new ExecContext(session))) {
                Object[] r;
                while ((r = rows.next()) != null) {
                    insertRow(editor, builder.build(positions, r, count + 1, null));
                    count++;
                }
            }
        }
        target.apply(editor);
        long firstId = builder.firstGeneratedId();
        if (firstId > 0) {
            session.setLastInsertId(firstId);
        }
        return new StatementResult.Update(count, Math.max(firstId, 0), 0,
                count > 1 ? "Records: " + count + "  Duplicates: 0  Warnings: 0" : null);
    }

    private static void insertRow(TableEditor editor, Object[] row) {
        try {
            editor.insert(row);
        } catch (DuplicateKeyException e) {
            throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
        }
    }

    private static Object[] evaluateRow(Session session, List<SqlNode> exprs, String sql) {
        List<SqlNode> toEval = new ArrayList<>(exprs.size());
        for (SqlNode e : exprs) {
            toEval.add(e.getKind() == SqlKind.DEFAULT ? org.apache.calcite.sql.SqlLiteral.createNull(e.getParserPosition()) : e);
        }
        return ExpressionEvaluator.evaluate(session, toEval, sql);
    }

    static int[] targetPositions(TableSchema schema, SqlNodeList columns) {
        if (columns == null || columns.isEmpty()) {
            int[] all = new int[schema.columns().size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            SqlIdentifier id = (SqlIdentifier) columns.get(i);
            String name = id.names.get(id.names.size() - 1);
            out[i] = schema.columnIndex(name);
            if (out[i] < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
            }
        }
        return out;
    }

    /** Fills in defaults and auto-increment values, then coerces each value to its column. */
    static final class RowBuilder {
        private final Session session;
        private final TableSchema schema;
        private final TableEditor editor;
        private final String sql;
        private final Object[] defaults;
        private final boolean[] hasDefault;
        private long firstGenerated = -1;

        RowBuilder(Session session, TableSchema schema, TableEditor editor, String sql) {
            this.session = session;
            this.schema = schema;
            this.editor = editor;
            this.sql = sql;
            this.defaults = new Object[schema.columns().size()];
            this.hasDefault = new boolean[schema.columns().size()];
        }

        Object[] build(int[] positions, Object[] values, long rowNumber, List<SqlNode> exprs) {
            Object[] row = new Object[schema.columns().size()];
            boolean[] given = new boolean[row.length];
            for (int i = 0; i < positions.length; i++) {
                boolean isDefault = exprs != null && exprs.get(i).getKind() == SqlKind.DEFAULT;
                if (!isDefault) {
                    row[positions[i]] = values[i];
                    given[positions[i]] = true;
                }
            }
            for (int c = 0; c < row.length; c++) {
                Column col = schema.columns().get(c);
                if (col.autoIncrement()) {
                    Object v = row[c];
                    if (v == null || (v instanceof Number n && n.longValue() == 0)) {
                        long id = editor.nextAutoIncrement();
                        if (firstGenerated < 0) {
                            firstGenerated = id;
                        }
                        row[c] = id;
                    } else {
                        long l = dev.scion.sql.expr.Values.toLong(v);
                        editor.raiseAutoIncrement(l + 1);
                    }
                } else if (!given[c]) {
                    row[c] = defaultValue(c, col);
                }
                row[c] = ColumnValues.coerce(row[c], col, rowNumber);
            }
            return row;
        }

        private Object defaultValue(int c, Column col) {
            if (!hasDefault[c]) {
                if (col.defaultSql() == null) {
                    if (!col.nullable()) {
                        throw new SqlError(ErrorCode.NO_DEFAULT_FOR_FIELD, "Field '" + col.name()
                                + "' doesn't have a default value");
                    }
                    defaults[c] = null;
                } else {
                    SqlNode expr = dev.scion.sql.plan.StatementParser.parseExpression(col.defaultSql());
                    defaults[c] = ExpressionEvaluator.evaluate(session, List.of(expr), col.defaultSql())[0];
                }
                hasDefault[c] = true;
            }
            return defaults[c];
        }

        long firstGeneratedId() {
            return firstGenerated;
        }
    }
}
