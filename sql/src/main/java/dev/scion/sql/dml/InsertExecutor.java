package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.lock.RowLocking;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.parser.dml.SqlMySqlInsert;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TableTriggers;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.sql.trigger.TriggerDefinition.Timing;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * INSERT ... VALUES / SET / SELECT, with IGNORE, ON DUPLICATE KEY UPDATE and REPLACE. Affected rows count as
 * MySQL counts them: 1 per inserted row, 2 per row ON DUPLICATE KEY UPDATE changed (0 if it changed nothing), and
 * for REPLACE 1 plus the number of rows it deleted.
 */
public final class InsertExecutor {
    private InsertExecutor() {
    }

    /** What happens to a row that collides with an existing one. */
    enum OnConflict { FAIL, IGNORE, UPDATE, REPLACE }

    public static StatementResult execute(Session session, SqlInsert insert, String sql) {
        boolean ignore = insert instanceof SqlMySqlInsert m && m.isIgnore();
        return session.runWrite(!ignore && ColumnValues.strict(session), () -> insert(session, insert, sql));
    }

    private static StatementResult insert(Session session, SqlInsert insert, String sql) {
        SqlMySqlInsert my = insert instanceof SqlMySqlInsert m ? m : null;
        OnConflict mode = my == null ? OnConflict.FAIL : my.isReplace() ? OnConflict.REPLACE
                : my.hasOnDuplicateKeyUpdate() ? OnConflict.UPDATE : my.isIgnore() ? OnConflict.IGNORE
                : OnConflict.FAIL;
        boolean ignore = my != null && my.isIgnore();
        var system = dev.scion.sql.dolt.SystemTableWrites.insert(session, insert.getTargetTable(),
                insert.getTargetColumnList(), insert.getSource(), sql);
        if (system.isPresent()) {
            return system.get();
        }
        TableTarget target = TableTarget.resolve(session, insert.getTargetTable());
        TableSchema schema = target.value().schema();
        int[] positions = targetPositions(schema, insert.getTargetColumnList());
        TableEditor editor = target.editor();
        Session lenient = ignore || !ColumnValues.strict(session) ? session : null;
        SqlNode source = insert.getSource();
        RowBuilder builder = new RowBuilder(session, schema, editor, lenient);
        builder.table = target.name();
        builder.sharedIds = target.sharedAutoIncrement();
        // MySQL: an explicit NULL for a NOT NULL column fails a single-row INSERT even without strict mode
        // (only IGNORE turns it into a warning); multi-row and INSERT ... SELECT get the implicit default.
        builder.nullIsError = !ignore && source.getKind() == SqlKind.VALUES
                && ((SqlCall) source).operandCount() == 1;
        DuplicateUpdate upsert = mode == OnConflict.UPDATE
                ? new DuplicateUpdate(session, target, schema, my, sql, lenient) : null;
        Counts counts = Counts.open(session, target, schema, editor, builder, mode, lenient);
        counts.ignore = ignore;
        if (source.getKind() == SqlKind.VALUES) {
            if (upsert != null) {
                upsert.checkNames();
            }
            if (insert.getTargetColumnList() == null && emptyFirstRow((SqlCall) source)) {
                positions = new int[0]; // INSERT INTO t VALUES (): every column takes its default, as in MySQL
            }
            long rowNumber = 0;
            for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
                rowNumber++;
                List<SqlNode> exprs = ((SqlCall) rowNode).getOperandList();
                if (exprs.size() != positions.length) {
                    throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row "
                            + rowNumber);
                }
                Object[] values = evaluateRow(session, builder.bindDefaults(exprs), sql);
                write(session, editor, builder.build(positions, values, rowNumber, exprs), mode, upsert, counts);
            }
        } else {
            QueryPlanner.Plan plan = QueryPlanner.plan(session, source, sql);
            if (plan.columns().size() != positions.length) {
                throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row 1");
            }
            if (upsert != null) {
                upsert.sourceColumns(source, plan.columns(), positions);
                upsert.checkNames();
            }
            // The rows are read from the transaction's snapshot, so INSERT INTO t SELECT ... FROM t sees t as it
            // was before the statement.
            try (RowStream rows = plan.root().open(new ExecContext(session))) {
                Object[] r;
                long rowNumber = 0;
                while ((r = rows.next()) != null) {
                    rowNumber++;
                    Object[] values = r.clone();
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] instanceof Boolean b) {
                            values[i] = b ? 1L : 0L;
                        }
                    }
                    write(session, editor, builder.build(positions, values, rowNumber, null), mode, upsert, counts);
                }
            }
        }
        target.apply(editor);
        LastInsertUuid.record(session, schema, builder.firstRow());
        long firstId = builder.firstGeneratedId();
        if (firstId != 0) {
            session.setLastInsertId(firstId);
        }
        int warnings = session.warnings().size();
        String info = counts.rows > 1 || mode != OnConflict.FAIL
                ? "Records: " + counts.rows + "  Duplicates: " + counts.duplicates + "  Warnings: " + warnings
                : null;
        return new StatementResult.Update(counts.affected, firstId, warnings, info);
    }

    /**
     * The statement's running totals, and what foreign-key checks need to know about the table. LOAD DATA writes
     * its rows through one of these too, so triggers, constraints and duplicate handling behave as for INSERT.
     */
    static final class Counts {
        dev.scion.sql.catalog.DatabaseState db;
        String table;
        List<ForeignKeys.Child> children;
        TableTriggers triggers;
        Session lenient;
        /** INSERT IGNORE: a row that fails a check, a foreign key or a unique key is skipped with a warning. */
        boolean ignore;
        long rows;
        long affected;
        long duplicates;
        /** The rows written so far, when a foreign key of the table references the table itself; else null. */
        StatementParents written;
        /** The statement's editor, for cascades of REPLACE and ON DUPLICATE KEY UPDATE into the table itself. */
        StatementEditors editors;
        /** Builds the rows; holds the NOT NULL failures left for after the BEFORE INSERT triggers. */
        RowBuilder builder;

        static Counts open(Session session, TableTarget target, TableSchema schema, TableEditor editor,
                           RowBuilder builder, OnConflict mode, Session lenient) {
            Counts counts = new Counts();
            counts.db = target.database();
            counts.table = target.name();
            counts.triggers = TableTriggers.load(session, target.database(), target.name(), schema);
            // MySQL checks NOT NULL after the BEFORE INSERT triggers, which may still fill the column in
            builder.deferNullChecks = counts.triggers.has(Timing.BEFORE, Event.INSERT);
            counts.builder = builder;
            counts.triggers.showWritesWith(() -> target.apply(editor));
            counts.lenient = lenient;
            counts.written = StatementParents.of(target.name(), schema);
            counts.children = mode == OnConflict.FAIL || mode == OnConflict.IGNORE || !ForeignKeys.enabled(session)
                    ? List.of() : ForeignKeys.childrenOf(target.database(), target.name());
            counts.editors = new StatementEditors().add(target, editor);
            return counts;
        }

        void wrote(Object[] row) {
            if (written != null) {
                written.add(row);
            }
        }
    }

    static void write(Session session, TableEditor editor, Object[] row, OnConflict mode,
                      DuplicateUpdate upsert, Counts counts) {
        counts.rows++;
        row = counts.triggers.before(Event.INSERT, null, row, counts.rows, counts.lenient);
        if (counts.builder != null) {
            counts.builder.checkDeferredNulls(row);
        }
        TableSchema schema = editor.codec().schema();
        if (mode != OnConflict.UPDATE && !passesConstraints(session, schema, row, counts, mode == OnConflict.IGNORE)) {
            return;
        }
        RowLocking.lockForWrite(session, counts.db, counts.table, editor, editor.codec().key(row));
        switch (mode) {
            case FAIL -> {
                insert(editor, row);
                counts.wrote(row);
                counts.affected++;
                counts.triggers.after(Event.INSERT, null, row);
            }
            case IGNORE -> {
                try {
                    editor.insert(row);
                    counts.wrote(row);
                    counts.affected++;
                    counts.triggers.after(Event.INSERT, null, row);
                } catch (DuplicateKeyException e) {
                    counts.duplicates++;
                    session.addWarning(ErrorCode.DUP_ENTRY.code(), e.getMessage());
                }
            }
            case UPDATE -> {
                Object[] existing = editor.conflicting(row);
                if (existing == null) {
                    if (!passesConstraints(session, schema, row, counts, counts.ignore)) {
                        return;
                    }
                    insert(editor, row);
                    counts.wrote(row);
                    counts.affected++;
                    counts.triggers.after(Event.INSERT, null, row);
                } else {
                    RowLocking.lockForWrite(session, counts.db, counts.table, editor, editor.codec().key(existing));
                    counts.duplicates++;
                    Object[] applied = upsert.apply(existing, row, counts.rows);
                    if (GeneratedColumns.any(schema)) {
                        GeneratedColumns.compute(session, schema, applied, counts.rows, counts.lenient);
                    }
                    Object[] next = counts.triggers.before(Event.UPDATE, existing, applied, counts.rows,
                            counts.lenient);
                    if (!UpdateExecutor.sameRow(existing, next)) {
                        // INSERT IGNORE ... ON DUPLICATE KEY UPDATE skips an update that breaks a constraint
                        if (!passesConstraints(session, schema, next, counts, counts.ignore)) {
                            return;
                        }
                        ForeignKeys.beforeUpdate(session, counts.db, counts.table, schema, counts.children, existing,
                                next, 0, counts.editors);
                        try {
                            editor.update(existing, next);
                            counts.wrote(next);
                        } catch (DuplicateKeyException e) {
                            if (!counts.ignore) {
                                throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
                            }
                            session.addWarning(ErrorCode.DUP_ENTRY.code(), e.getMessage());
                            return;
                        }
                        counts.affected += 2;
                    }
                    counts.triggers.after(Event.UPDATE, existing, next);
                }
            }
            case REPLACE -> {
                Object[] existing;
                while ((existing = editor.conflicting(row)) != null) {
                    RowLocking.lockForWrite(session, counts.db, counts.table, editor, editor.codec().key(existing));
                    counts.triggers.before(Event.DELETE, existing, null, counts.rows, counts.lenient);
                    ForeignKeys.beforeDelete(session, counts.db, counts.table, schema, counts.children, existing, 0,
                            counts.editors);
                    editor.delete(existing);
                    counts.affected++;
                    counts.duplicates++;
                    counts.triggers.after(Event.DELETE, existing, null);
                }
                insert(editor, row);
                counts.wrote(row);
                counts.affected++;
                counts.triggers.after(Event.INSERT, null, row);
            }
        }
    }

    /**
     * Whether {@code row} passes the table's CHECK constraints and foreign keys; a failure is an error, or with
     * {@code ignore} a warning and false (the row is skipped).
     */
    private static boolean passesConstraints(Session session, TableSchema schema, Object[] row, Counts counts,
                                             boolean ignore) {
        if (schema.checks().isEmpty() && schema.foreignKeys().isEmpty()) {
            return true;
        }
        try {
            CheckConstraints.verify(session, schema, row);
            ForeignKeys.checkParents(session, counts.db, counts.table, schema, row, counts.written);
            return true;
        } catch (SqlError e) {
            if (!ignore) {
                throw e;
            }
            session.addWarning(e.code(), e.getMessage());
            return false;
        }
    }

    private static void insert(TableEditor editor, Object[] row) {
        try {
            editor.insert(row);
        } catch (DuplicateKeyException e) {
            throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
        }
    }

    private static Object[] evaluateRow(Session session, List<SqlNode> exprs, String sql) {
        List<SqlNode> toEval = new ArrayList<>(exprs.size());
        for (SqlNode e : exprs) {
            toEval.add(e.getKind() == SqlKind.DEFAULT ? SqlLiteral.createNull(e.getParserPosition()) : e);
        }
        return ExpressionEvaluator.evaluate(session, toEval, sql);
    }

    /** Whether the first row of a VALUES list is {@code ()}. */
    private static boolean emptyFirstRow(SqlCall values) {
        return values.operandCount() > 0 && ((SqlCall) values.operand(0)).operandCount() == 0;
    }

    /** Positions of the named columns; every column when no list is given, none for {@code ()}. */
    static int[] targetPositions(TableSchema schema, SqlNodeList columns) {
        if (columns == null) {
            return schema.visibleColumnIndexes();
        }
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            SqlIdentifier id = (SqlIdentifier) columns.get(i);
            String name = id.names.get(id.names.size() - 1);
            out[i] = schema.columnIndex(name);
            if (out[i] < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
            }
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new SqlError(ErrorCode.FIELD_SPECIFIED_TWICE, "Column '" + name + "' specified twice");
                }
            }
        }
        return out;
    }

    /** Fills in defaults and auto-increment values, then coerces each value to its column. */
    static final class RowBuilder {
        private final Session session;
        private final TableSchema schema;
        private final TableEditor editor;
        private final Session lenient;
        private final Object[] defaults;
        private final boolean[] hasDefault;
        /** The first generated id (64 bits read as unsigned), 0 while none was generated. */
        private long firstGenerated;
        /** The statement's first row as built, for last_insert_uuid(). */
        private Object[] firstRow;
        private final boolean hasGenerated;
        /** sql_mode NO_AUTO_VALUE_ON_ZERO: only NULL (or no value) takes the next AUTO_INCREMENT id; 0 is stored. */
        private final boolean zeroIsValue;
        /** Per column: whether its default reads other columns (then it is evaluated per row, last). */
        private final boolean[] rowDefault;
        private final boolean anyRowDefault;
        boolean nullIsError;
        /**
         * The table has BEFORE INSERT triggers: a NOT NULL column left NULL (not given and without a default, or an
         * explicit NULL) is not an error yet, the trigger may set it; {@link #checkDeferredNulls} decides after.
         */
        boolean deferNullChecks;
        /** Per column of the last built row: the NOT NULL error deferred until after the triggers, or null. */
        private SqlError[] deferredNulls;
        /** The branch's shared counter of the table's auto-increment values; null: the transaction's own only. */
        SharedAutoIncrement sharedIds;
        /** The table's name, for the message of 3105. */
        String table = "";

        RowBuilder(Session session, TableSchema schema, TableEditor editor, Session lenient) {
            this.session = session;
            this.schema = schema;
            this.editor = editor;
            this.lenient = lenient;
            this.defaults = new Object[schema.columns().size()];
            this.hasDefault = new boolean[schema.columns().size()];
            this.hasGenerated = GeneratedColumns.any(schema);
            this.zeroIsValue = dev.scion.sql.session.SqlModes.noAutoValueOnZero(session);
            this.rowDefault = new boolean[schema.columns().size()];
            boolean any = false;
            for (int c = 0; c < rowDefault.length; c++) {
                rowDefault[c] = RowDefaults.readsColumns(schema, schema.columns().get(c));
                any |= rowDefault[c];
            }
            this.anyRowDefault = any;
        }

        Object[] build(int[] positions, Object[] values, long rowNumber, List<SqlNode> exprs) {
            Object[] row = new Object[schema.columns().size()];
            boolean[] given = new boolean[row.length];
            deferredNulls = null;
            for (int i = 0; i < positions.length; i++) {
                boolean isDefault = exprs != null && exprs.get(i).getKind() == SqlKind.DEFAULT;
                if (!isDefault) {
                    row[positions[i]] = values[i];
                    given[positions[i]] = true;
                }
            }
            for (int c = 0; c < row.length; c++) {
                Column col = schema.columns().get(c);
                if (col.generated()) {
                    if (given[c]) {
                        // strict: 3105; otherwise (or with IGNORE) the value is dropped with warning 3106, which
                        // is how mariadb-dump's INSERTs (they list generated columns' values) load
                        if (lenient == null) {
                            throw GeneratedColumns.valueNotAllowed(col, table);
                        }
                        lenient.addWarning(ErrorCode.GENERATED_COLUMN_VALUE_IGNORED.code(), "The value specified "
                                + "for generated column '" + col.name() + "' in table '" + table + "' has been ignored");
                    }
                    continue; // computed below, once every other column has its value
                }
                if (col.autoIncrement()) {
                    Object v = row[c];
                    if (v == null || (!zeroIsValue && v instanceof Number n && n.longValue() == 0)) {
                        long id;
                        if (sharedIds == null) {
                            id = editor.nextAutoIncrement();
                        } else {
                            id = sharedIds.take(editor.autoIncrement());
                            editor.raiseAutoIncrement(id + 1);
                        }
                        row[c] = AutoIncrementIds.generated(id, col);
                        if (firstGenerated == 0) {
                            firstGenerated = ((Number) row[c]).longValue();
                        }
                    } else {
                        long next = AutoIncrementIds.nextAfterExplicit(v);
                        editor.raiseAutoIncrement(next);
                        if (sharedIds != null) {
                            sharedIds.inserted(next);
                        }
                    }
                } else if (!given[c] && rowDefault[c]) {
                    continue; // computed below from the row's other values
                } else if (!given[c]) {
                    if (deferNullChecks && lenient == null && !col.nullable() && col.defaultSql() == null
                            && !ColumnValues.hasEnumFirstMemberDefault(col)) {
                        defer(c, new SqlError(ErrorCode.NO_DEFAULT_FOR_FIELD, "Field '" + col.name()
                                + "' doesn't have a default value"));
                        continue;
                    }
                    row[c] = defaultValue(c, col);
                } else if (row[c] == null && !col.nullable() && (nullIsError || deferNullChecks && lenient == null)) {
                    SqlError e = new SqlError(ErrorCode.BAD_NULL, "Column '" + col.name() + "' cannot be null");
                    if (!deferNullChecks) {
                        throw e;
                    }
                    defer(c, e);
                    continue;
                }
                row[c] = SessionTimestamps.written(row[c], col, rowNumber, lenient, session);
            }
            if (anyRowDefault) {
                for (int c = 0; c < row.length; c++) {
                    Column col = schema.columns().get(c);
                    if (!given[c] && !col.generated() && !col.autoIncrement() && rowDefault[c]) {
                        row[c] = SessionTimestamps.written(RowDefaults.evaluate(session, schema, col, row), col,
                                rowNumber, lenient, session);
                    }
                }
            }
            Object[] built = hasGenerated ? GeneratedColumns.compute(session, schema, row, rowNumber, lenient) : row;
            if (firstRow == null) {
                firstRow = built;
            }
            return built;
        }

        private void defer(int column, SqlError error) {
            if (deferredNulls == null) {
                deferredNulls = new SqlError[schema.columns().size()];
            }
            deferredNulls[column] = error;
        }

        /** Fails with the deferred NOT NULL error of a column the BEFORE INSERT triggers left NULL. */
        void checkDeferredNulls(Object[] row) {
            if (deferredNulls == null) {
                return;
            }
            for (int c = 0; c < row.length; c++) {
                if (deferredNulls[c] != null && row[c] == null) {
                    throw deferredNulls[c];
                }
            }
        }

        private Object defaultValue(int c, Column col) {
            if (!hasDefault[c]) {
                if (col.defaultSql() == null) {
                    if (!col.nullable() && !ColumnValues.hasEnumFirstMemberDefault(col)) {
                        SqlError e = new SqlError(ErrorCode.NO_DEFAULT_FOR_FIELD, "Field '" + col.name()
                                + "' doesn't have a default value");
                        if (lenient == null) {
                            throw e;
                        }
                        lenient.addWarning(e.code(), e.getMessage());
                        // Not cached: the warning is raised for every row, as MySQL does.
                        return ColumnValues.implicitDefault(col);
                    }
                    defaults[c] = ColumnValues.hasEnumFirstMemberDefault(col) ? col.type().values().get(0) : null;
                } else {
                    SqlNode expr = StatementReader.expression(col.defaultSql());
                    Object value = ExpressionEvaluator.evaluate(session, List.of(expr), col.defaultSql())[0];
                    if (ColumnDefaults.perRow(col.defaultSql())) {
                        return value; // UUID(), RAND(): each row gets its own value, as in MySQL
                    }
                    defaults[c] = value;
                }
                hasDefault[c] = true;
            }
            return defaults[c];
        }

        /** Replaces each {@code DEFAULT(col)} in the row's expressions with that column's default value. */
        List<SqlNode> bindDefaults(List<SqlNode> exprs) {
            List<SqlNode> out = new ArrayList<>(exprs.size());
            for (SqlNode e : exprs) {
                out.add(e.getKind() == SqlKind.DEFAULT ? e : e.accept(new org.apache.calcite.sql.util.SqlShuttle() {
                    @Override
                    public SqlNode visit(SqlCall call) {
                        if (call.getOperator() == dev.scion.sql.parser.MySqlOperators.DEFAULT_OF) {
                            SqlIdentifier id = (SqlIdentifier) call.operand(0);
                            String name = id.names.get(id.names.size() - 1);
                            int c = schema.columnIndex(name);
                            if (c < 0) {
                                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name
                                        + "' in 'field list'");
                            }
                            return ValueLiterals.of(defaultValue(c, schema.columns().get(c)));
                        }
                        return super.visit(call);
                    }
                }));
            }
            return out;
        }

        long firstGeneratedId() {
            return firstGenerated;
        }

        Object[] firstRow() {
            return firstRow;
        }
    }
}
