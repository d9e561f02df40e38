package dev.scion.sql.dml;

import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/**
 * Default expressions that read other columns of the row ({@code c3 varchar(100) DEFAULT (CONCAT(c2, 'x'))},
 * {@code n int DEFAULT (pk + 100)}): MySQL evaluates them per row, with the row's other values. Defaults reading
 * no column are evaluated once per statement by their callers.
 */
public final class RowDefaults {
    private RowDefaults() {
    }

    /** Whether the column's default names a column of {@code schema}. */
    public static boolean readsColumns(TableSchema schema, Column c) {
        String d = c.defaultSql();
        if (d == null || d.startsWith("'") || d.isEmpty() || Character.isDigit(d.charAt(0))
                || d.length() > 1 && d.charAt(0) == '-' && Character.isDigit(d.charAt(1))) {
            return false; // a literal: no parse needed (this runs for every INSERT statement)
        }
        boolean[] found = {false};
        StatementReader.expression(c.defaultSql()).accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                found[0] |= schema.columnIndex(id.names.get(id.names.size() - 1)) >= 0;
                return id;
            }
        });
        return found[0];
    }

    /** The column's default evaluated with the row's other columns bound to their values in {@code row}. */
    public static Object evaluate(Session session, TableSchema schema, Column c, Object[] row) {
        SqlNode bound = StatementReader.expression(c.defaultSql()).accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                int i = schema.columnIndex(id.names.get(id.names.size() - 1));
                return i < 0 ? id : ValueLiterals.of(row[i]);
            }
        });
        return ExpressionEvaluator.evaluate(session, List.of(bound), c.defaultSql())[0];
    }
}
