package dev.scion.sql.ddl;

import dev.scion.sql.dml.CheckConstraints;
import dev.scion.sql.dml.GeneratedColumns;
import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.dml.ForeignKeys;
import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.dml.RowDefaults;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.TableEditor;

import java.util.List;

/**
 * Rewrites every row of a table into a new schema (ALTER TABLE that adds, drops, retypes or reorders columns or
 * changes the primary key): each new column takes the value of its source column, coerced to the new type, or its
 * default. Unique indexes and the primary key are checked again as the rows go in.
 */
final class TableRebuilder {
    private TableRebuilder() {
    }

    /**
     * @param sources for each column of {@code schema}, the position of the old column it comes from, or -1 for a
     *                new column filled with its default
     */
    static TableValue rebuild(Session session, TableName target, TableValue old, TableSchema schema, int[] sources) {
        var buffer = target.db().buffer();
        TableValue empty = CreateTable.emptyTable(buffer, schema, old.autoIncrement());
        TableEditor editor = new TableEditor(target.storedOrThrow(), empty, buffer);
        Object[] defaults = new Object[sources.length];
        // a default reading other columns (DEFAULT (pk + 100)) is evaluated per row, after the copied columns
        boolean[] perRow = new boolean[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Column col = schema.columns().get(i);
            if (sources[i] < 0 && !col.generated()) {
                perRow[i] = RowDefaults.readsColumns(schema, col);
                if (!perRow[i]) {
                    defaults[i] = defaultOf(session, col);
                }
            }
        }
        RowCodec oldCodec = new RowCodec(old.schema());
        // Generated columns are recomputed for every row: a column just added has no value yet, and a changed
        // expression or type of a column it reads changes the value.
        boolean generated = GeneratedColumns.any(schema);
        long rowNumber = 0;
        try (ProllyCursor c = ProllyMap.load(buffer, old.rows()).cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                Object[] oldRow = oldCodec.decode(c.key(), c.value());
                long copies = oldCodec.keyless() ? oldCodec.count(c.value()) : 1;
                rowNumber++;
                Object[] row = new Object[sources.length];
                for (int i = 0; i < sources.length; i++) {
                    Column col = schema.columns().get(i);
                    if (col.generated() || perRow[i]) {
                        continue; // computed below
                    }
                    Object v = sources[i] < 0 ? defaults[i] : oldRow[sources[i]];
                    if (col.autoIncrement() && (v == null || (v instanceof Number n && n.longValue() == 0))) {
                        v = editor.nextAutoIncrement();
                    }
                    row[i] = ColumnValues.coerce(v, col, rowNumber);
                    if (col.autoIncrement() && row[i] instanceof Number n) {
                        editor.raiseAutoIncrement(dev.scion.sql.dml.AutoIncrementIds.nextAfterExplicit(n));
                    }
                }
                for (int i = 0; i < sources.length; i++) {
                    if (perRow[i]) {
                        row[i] = ColumnValues.coerce(RowDefaults.evaluate(session, schema, schema.columns().get(i), row),
                                schema.columns().get(i), rowNumber);
                    }
                }
                if (generated) {
                    GeneratedColumns.compute(session, schema, row, rowNumber, null);
                }
                CheckConstraints.verify(session, schema, row);
                ForeignKeys.checkParents(session, target.db(), target.storedOrThrow(), schema, row);
                for (long k = 0; k < copies; k++) {
                    editor.insert(row);
                }
            }
        } catch (DuplicateKeyException e) {
            throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
        } catch (SqlError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rebuilding " + target.qualified() + " failed", e);
        }
        return editor.finish();
    }

    private static Object defaultOf(Session session, Column c) {
        if (c.defaultSql() == null) {
            return c.nullable() ? null : ColumnValues.implicitDefault(c);
        }
        return ExpressionEvaluator.evaluate(session, List.of(StatementReader.expression(c.defaultSql())),
                c.defaultSql())[0];
    }
}
