package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the fields of one LOAD DATA row go: each field to its column or user variable (in the order of the column
 * list, every visible column when there is none), then the SET assignments, which read the user variables just set
 * and the row's columns and override a column the file also filled, as in MySQL. A SET expression over the file's
 * fields only is compiled once for the statement ({@link LoadDataSetExpressions}); others are planned per row.
 */
final class LoadDataColumns {
    private final Session session;
    private final TableSchema schema;
    private final List<LoadDataStatement.Input> inputs;
    /** Per input: the column it fills, or -1 for a user variable. */
    private final int[] inputColumns;
    private final int[] assignedColumns;
    private final List<SqlNode> assignedValues;
    /** Per assignment, its form compiled over the file row's fields, or null when it is planned per row. */
    private final Expr[] compiledValues;
    private final String sql;

    LoadDataColumns(Session session, TableSchema schema, LoadDataStatement statement, String sql) {
        this.session = session;
        this.schema = schema;
        this.sql = sql;
        List<LoadDataStatement.Input> given = statement.inputs();
        if (given.isEmpty()) {
            given = new java.util.ArrayList<>();
            for (int c : schema.visibleColumnIndexes()) {
                given.add(new LoadDataStatement.Input(schema.columns().get(c).name(), null));
            }
        }
        this.inputs = List.copyOf(given);
        this.inputColumns = new int[inputs.size()];
        for (int i = 0; i < inputColumns.length; i++) {
            LoadDataStatement.Input in = inputs.get(i);
            inputColumns[i] = in.isVariable() ? -1 : column(in.column());
            for (int j = 0; j < i; j++) {
                if (inputColumns[i] >= 0 && inputColumns[j] == inputColumns[i]) {
                    throw new SqlError(ErrorCode.FIELD_SPECIFIED_TWICE, "Column '" + in.column()
                            + "' specified twice");
                }
            }
        }
        List<LoadDataStatement.Assignment> set = statement.assignments();
        this.assignedColumns = new int[set.size()];
        this.assignedValues = new java.util.ArrayList<>(set.size());
        for (int i = 0; i < assignedColumns.length; i++) {
            assignedColumns[i] = column(set.get(i).column());
            assignedValues.add(set.get(i).value());
        }
        this.compiledValues = LoadDataSetExpressions.compile(inputs, inputColumns, assignedColumns, assignedValues);
    }

    /** How many fields a row should have. */
    int fieldCount() {
        return inputs.size();
    }

    /**
     * Sets the user variables of the row's fields and returns the column values it gives, by column position, in
     * the order they were given. A field the row lacks leaves its column to its default and its variable NULL.
     */
    Map<Integer, Object> values(List<String> fields) {
        Map<Integer, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Object value = i < fields.size() ? fields.get(i) : null;
            if (inputColumns[i] < 0) {
                session.setUserVariable(inputs.get(i).variable(), value);
            } else if (i < fields.size()) {
                row.put(inputColumns[i], value);
            }
        }
        Object[] fileRow = null;
        ExecContext context = null;
        for (int i = 0; i < assignedColumns.length; i++) {
            Object value;
            if (compiledValues[i] != null) {
                if (fileRow == null) {
                    fileRow = new Object[inputs.size()];
                    for (int f = 0; f < fileRow.length && f < fields.size(); f++) {
                        fileRow[f] = fields.get(f);
                    }
                    context = new ExecContext(session);
                }
                value = compiledValues[i].eval(fileRow, context);
            } else {
                SqlNode bound = assignedValues.get(i).accept(new ColumnBinder(row));
                value = ExpressionEvaluator.evaluate(session, List.of(bound), sql)[0];
            }
            row.put(assignedColumns[i], value);
        }
        return row;
    }

    private int column(String name) {
        int c = schema.columnIndex(name);
        if (c < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
        }
        return c;
    }

    /** Replaces a column reference in a SET expression with the value the row has for it so far (NULL if none). */
    private final class ColumnBinder extends SqlShuttle {
        private final Map<Integer, Object> row;

        ColumnBinder(Map<Integer, Object> row) {
            this.row = row;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.isStar() || id.names.get(0).startsWith("@")) {
                return id; // a user or system variable: the planner reads it
            }
            return ValueLiterals.of(row.get(column(id.names.get(id.names.size() - 1))));
        }
    }
}
