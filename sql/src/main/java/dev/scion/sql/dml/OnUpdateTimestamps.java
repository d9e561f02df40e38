package dev.scion.sql.dml;

import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * The columns declared {@code ON UPDATE CURRENT_TIMESTAMP} that a statement does not assign: when it changes a row
 * (UPDATE, or INSERT ... ON DUPLICATE KEY UPDATE), they take the statement's current time, as MySQL sets them. A
 * row the assignments leave as it was keeps its timestamp too.
 */
final class OnUpdateTimestamps {
    private final Session session;
    private final TableSchema schema;
    private final int[] columns;
    private final Session lenient;
    /** The coerced current time per entry of {@code columns}; the same for every row of the statement. */
    private final Object[] values;

    private OnUpdateTimestamps(Session session, TableSchema schema, int[] columns, Session lenient) {
        this.session = session;
        this.schema = schema;
        this.columns = columns;
        this.lenient = lenient;
        this.values = new Object[columns.length];
    }

    /** For the table's auto-updated columns outside {@code assigned} (column positions), or null when none. */
    static OnUpdateTimestamps of(Session session, TableSchema schema, int[] assigned, Session lenient) {
        List<Column> cols = schema.columns();
        int[] picked = java.util.stream.IntStream.range(0, cols.size())
                .filter(i -> cols.get(i).onUpdateSql() != null)
                .filter(i -> java.util.Arrays.stream(assigned).noneMatch(a -> a == i))
                .toArray();
        return picked.length == 0 ? null : new OnUpdateTimestamps(session, schema, picked, lenient);
    }

    /** Sets the columns in {@code next} when it differs from {@code old}. */
    void apply(Object[] old, Object[] next, long rowNumber) {
        if (UpdateExecutor.sameRow(old, next)) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            if (values[i] == null) {
                Column c = schema.columns().get(columns[i]);
                String sql = c.onUpdateSql();
                Object now = ExpressionEvaluator.evaluate(session, List.of(StatementReader.expression(sql)), sql)[0];
                values[i] = SessionTimestamps.stored(ColumnValues.coerce(now, c, rowNumber, lenient), c, session);
            }
            next[columns[i]] = values[i];
        }
    }
}
