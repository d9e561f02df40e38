package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LOAD DATA [LOCAL] INFILE: reads the client's file (LOCAL, through the session's {@link
 * dev.scion.sql.session.LocalFileSource}; gated by the local_infile variable, off by default as in MySQL 8) or a file
 * of the server ({@link ServerFiles}: FILE privilege and {@code @@secure_file_priv}) row by row and inserts each row
 * as INSERT would (triggers, constraints, REPLACE / IGNORE of duplicate keys), in the statement's transaction.
 * The OK packet's info is MySQL's {@code Records: n  Deleted: n  Skipped: n  Warnings: n}.
 */
public final class LoadDataExecutor {

    private LoadDataExecutor() {
    }

    /** Whether the text is a LOAD DATA statement (which MySQL does not prepare: 1295). */
    public static boolean isLoadData(String sql) {
        return LoadDataStatement.matches(sql);
    }

    /** Runs the statement if it is a LOAD DATA; empty otherwise. */
    public static Optional<StatementResult> tryExecute(Session session, String sql) {
        if (!LoadDataStatement.matches(sql)) {
            return Optional.empty();
        }
        dev.scion.sql.session.ServerReadOnly.refuseWrite(session);
        return Optional.of(execute(session, LoadDataStatement.parse(sql), sql));
    }

    static StatementResult execute(Session session, LoadDataStatement statement, String sql) {
        if (statement.local() && !isOn(session.variable("local_infile"))) {
            throw new SqlError(ErrorCode.LOCAL_FILES_DISABLED,
                    "Loading local data is disabled; this must be enabled on both the client and server sides");
        }
        List<String> names = statement.database() == null ? List.of(statement.table())
                : List.of(statement.database(), statement.table());
        TableTarget target = TableTarget.resolve(session, new SqlIdentifier(names, SqlParserPos.ZERO));
        dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.INSERT,
                target.database().databaseName(), target.name());
        TableSchema schema = target.value().schema();
        LoadDataColumns columns = new LoadDataColumns(session, schema, statement, sql);
        // LOCAL implies IGNORE in MySQL (the server cannot stop the client's upload midway)
        InsertExecutor.OnConflict mode = switch (statement.duplicates()) {
            case REPLACE -> InsertExecutor.OnConflict.REPLACE;
            case IGNORE -> InsertExecutor.OnConflict.IGNORE;
            case ERROR -> statement.local() ? InsertExecutor.OnConflict.IGNORE : InsertExecutor.OnConflict.FAIL;
        };
        boolean ignoring = mode == InsertExecutor.OnConflict.IGNORE;
        // bad values and rows of the wrong length are errors in strict mode, unless IGNORE (or LOCAL) is in force
        Session lenient = ignoring || !ColumnValues.strict(session) ? session : null;
        return session.runWrite(lenient == null,
                () -> load(session, statement, sql, target, schema, columns, mode, lenient));
    }

    private static StatementResult load(Session session, LoadDataStatement statement, String sql, TableTarget target,
                                        TableSchema schema, LoadDataColumns columns, InsertExecutor.OnConflict mode,
                                        Session lenient) {
        TableEditor editor = target.editor();
        InsertExecutor.RowBuilder builder = new InsertExecutor.RowBuilder(session, schema, editor, lenient);
        builder.table = target.name();
        builder.sharedIds = target.sharedAutoIncrement();
        InsertExecutor.Counts counts = InsertExecutor.Counts.open(session, target, schema, editor, builder, mode,
                lenient);
        try (InputStream in = statement.local() ? session.localFiles().open(statement.fileName())
                : ServerFiles.open(session, statement.fileName())) {
            DelimitedTextReader reader = new DelimitedTextReader(new InputStreamReader(in, statement.charset()),
                    statement);
            for (long skip = statement.ignoreLines(); skip > 0 && reader.skipLine(); skip--) {
                // IGNORE n LINES
            }
            List<String> fields;
            long rowNumber = 0;
            while ((fields = reader.next()) != null) {
                session.checkNotCancelled();
                rowNumber++;
                checkFieldCount(session, fields.size(), columns.fieldCount(), rowNumber, lenient == null);
                Map<Integer, Object> values = columns.values(fields);
                nullsIntoNotNull(session, schema, values, rowNumber, lenient == null);
                int[] positions = new int[values.size()];
                Object[] row = new Object[values.size()];
                int i = 0;
                for (Map.Entry<Integer, Object> e : values.entrySet()) {
                    positions[i] = e.getKey();
                    row[i++] = e.getValue();
                }
                InsertExecutor.write(session, editor, builder.build(positions, row, rowNumber, null), mode, null,
                        counts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the INFILE file failed: " + e.getMessage(), e);
        }
        target.apply(editor);
        long firstId = builder.firstGeneratedId();
        if (firstId != 0) {
            session.setLastInsertId(firstId);
        }
        long deleted = mode == InsertExecutor.OnConflict.REPLACE ? counts.duplicates : 0;
        long inserted = counts.affected - deleted;
        int warnings = session.warnings().size();
        return new StatementResult.Update(counts.affected, firstId, warnings, "Records: " + counts.rows
                + "  Deleted: " + deleted + "  Skipped: " + (counts.rows - inserted) + "  Warnings: " + warnings);
    }

    /**
     * A NULL for a NOT NULL column (other than AUTO_INCREMENT, which NULL asks for the next id) is 1263: an error in
     * strict mode, else a warning and the column type's implicit default, as MySQL's LOAD DATA does.
     */
    private static void nullsIntoNotNull(Session session, TableSchema schema, Map<Integer, Object> values,
                                         long rowNumber, boolean strict) {
        for (Map.Entry<Integer, Object> e : values.entrySet()) {
            dev.scion.versioning.schema.Column c = schema.columns().get(e.getKey());
            if (e.getValue() != null || c.nullable() || c.autoIncrement() || c.generated()) {
                continue;
            }
            SqlError problem = new SqlError(ErrorCode.WARN_NULL_TO_NOTNULL, "Column set to default value; NULL "
                    + "supplied to NOT NULL column '" + c.name() + "' at row " + rowNumber);
            if (strict) {
                throw problem;
            }
            session.addWarning(problem.code(), problem.getMessage());
            e.setValue(ColumnValues.implicitDefault(c));
        }
    }

    /** 1261 / 1262 for a row with too few / too many fields: an error in strict mode, else a warning. */
    private static void checkFieldCount(Session session, int fields, int expected, long rowNumber, boolean strict) {
        SqlError problem = null;
        if (fields < expected) {
            problem = new SqlError(ErrorCode.WARN_TOO_FEW_RECORDS, "Row " + rowNumber
                    + " doesn't contain data for all columns");
        } else if (fields > expected) {
            problem = new SqlError(ErrorCode.WARN_TOO_MANY_RECORDS, "Row " + rowNumber
                    + " was truncated; it contained more data than there were input columns");
        }
        if (problem == null) {
            return;
        }
        if (strict) {
            throw problem;
        }
        session.addWarning(problem.code(), problem.getMessage());
    }

    private static boolean isOn(Object value) {
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = String.valueOf(value);
        return s.equalsIgnoreCase("ON") || s.equals("1") || s.equalsIgnoreCase("TRUE");
    }
}
