package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOAD DATA [LOCAL] INFILE: reads the client's file (LOCAL, through the session's {@link
 * dev.scion.sql.session.LocalFileSource}; gated by the local_infile variable, off by default as in MySQL 8) or a file
 * of the server ({@link ServerFiles}: FILE privilege and {@code @@secure_file_priv}) row by row and inserts each row
 * as INSERT would, in the statement's transaction.
 */
public final class LoadDataExecutor {

    private LoadDataExecutor() {
    }

    /** Runs the statement if it is a LOAD DATA; empty otherwise. */
    public static Optional<StatementResult> tryExecute(Session session, String sql) {
        if (!LoadDataStatement.matches(sql)) {
            return Optional.empty();
        }
        dev.scion.sql.session.ServerReadOnly.refuseWrite(session);
        return Optional.of(execute(session, LoadDataStatement.parse(sql)));
    }

    static StatementResult execute(Session session, LoadDataStatement statement) {
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
        int[] positions = InsertExecutor.targetPositions(schema, columnList(statement.columns()));
        TableEditor editor = target.editor();
        // LOCAL implies IGNORE in MySQL: bad values become warnings; a server file is loaded under the sql_mode
        Session lenient = statement.local() || !ColumnValues.strict(session) ? session : null;
        InsertExecutor.RowBuilder builder = new InsertExecutor.RowBuilder(session, schema, editor, "LOAD DATA",
                lenient);
        builder.sharedIds = target.sharedAutoIncrement();
        long count = 0;
        int warnings = 0;
        try (InputStream in = statement.local() ? session.localFiles().open(statement.fileName())
                : ServerFiles.open(session, statement.fileName())) {
            DelimitedTextReader reader = new DelimitedTextReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    statement);
            for (long skip = statement.ignoreLines(); skip > 0 && reader.next() != null; skip--) {
                // IGNORE n LINES
            }
            List<String> fields;
            while ((fields = reader.next()) != null) {
                session.checkNotCancelled();
                long rowNumber = count + 1;
                int given = Math.min(fields.size(), positions.length);
                if (fields.size() < positions.length) {
                    session.addWarning(1261, "Row " + rowNumber + " doesn't contain data for all columns");
                    warnings++;
                } else if (fields.size() > positions.length) {
                    session.addWarning(1262, "Row " + rowNumber
                            + " was truncated; it contained more data than there were input columns");
                    warnings++;
                }
                int[] targetColumns = java.util.Arrays.copyOf(positions, given);
                Object[] values = fields.subList(0, given).toArray();
                try {
                    editor.insert(builder.build(targetColumns, values, rowNumber, null));
                } catch (DuplicateKeyException e) {
                    throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the INFILE file failed: " + e.getMessage(), e);
        }
        target.apply(editor);
        return new StatementResult.Update(count, 0, 0,
                "Records: " + count + "  Deleted: 0  Skipped: 0  Warnings: " + warnings);
    }

    private static SqlNodeList columnList(List<String> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        List<SqlNode> ids = new ArrayList<>();
        for (String c : columns) {
            ids.add(new SqlIdentifier(c, SqlParserPos.ZERO));
        }
        return new SqlNodeList(ids, SqlParserPos.ZERO);
    }

    private static boolean isOn(Object value) {
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = String.valueOf(value);
        return s.equalsIgnoreCase("ON") || s.equals("1") || s.equalsIgnoreCase("TRUE");
    }
}
